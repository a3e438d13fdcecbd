package dev.sextant.ingest;

import dev.sextant.model.WorkspaceId;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A native batch body → the valid items, merged by id, and the refused ones with reasons. */
final class NativeBatchParser {
    private final BatchReader reader;
    private final ItemParser items;

    NativeBatchParser(long maxBodyBytes, int maxItemsPerBatch) {
        this.reader = new BatchReader(maxBodyBytes, maxItemsPerBatch);
        this.items = new ItemParser(reader.mapper());
    }

    /** What one body held: the accepted records (merged) and each rejection. */
    record Parsed(BatchMerger accepted, int acceptedCount, List<IngestResult.Rejection> rejected) {}

    Parsed parse(WorkspaceId workspace, InputStream body, Instant receivedAt) {
        List<JsonNode> nodes = reader.read(body);
        BatchMerger merger = new BatchMerger(workspace);
        List<IngestResult.Rejection> rejected = new ArrayList<>(0);
        for (int i = 0; i < nodes.size(); i++) {
            IngestResult.Rejection rejection = items.parse(i, nodes.get(i), receivedAt, merger);
            if (rejection != null) {
                rejected.add(rejection);
            }
        }
        return new Parsed(merger, nodes.size() - rejected.size(), rejected);
    }
}
