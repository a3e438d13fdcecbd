package dev.sextant.store;

import java.util.List;

/**
 * Receives an export one row at a time, so that a reader never holds more than one fetch of
 * rows. A sink may throw an unchecked exception (a closed client) to stop the export.
 */
public interface ExportSink {

    /** Called once, before any row. */
    void columns(List<ExportColumn> columns);

    /** One row, values in the order of {@link #columns}; the array is the sink's to keep. */
    void row(Object[] values);
}
