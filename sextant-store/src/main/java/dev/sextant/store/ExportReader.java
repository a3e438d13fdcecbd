package dev.sextant.store;

import dev.sextant.model.WorkspaceId;

/**
 * Streams whole tables out for export. The {@link InteractionQuery} selects traces; spans and
 * scores are those of the selected traces. Rows come in a stable order (traces by start time
 * and id; spans and scores by their trace, then their own time and id), each row once.
 */
public interface ExportReader {

    /** Streams every selected row to the sink and returns how many there were. */
    long export(WorkspaceId workspace, ExportEntity entity, InteractionQuery query, ExportSink sink);
}
