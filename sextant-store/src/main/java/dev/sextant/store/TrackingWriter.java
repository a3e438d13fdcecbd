package dev.sextant.store;

import java.util.List;

/**
 * Writes tracking data. One call is one transaction: when it returns, every record of every
 * batch is committed (and the traces' token and cost roll-ups are up to date); when it throws
 * {@link StoreException}, none is. Records are upserted by (workspace, id): fields a newer
 * copy leaves null keep their stored values.
 */
public interface TrackingWriter {

    void write(List<WorkspaceBatch> batches);
}
