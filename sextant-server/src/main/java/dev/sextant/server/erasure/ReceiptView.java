package dev.sextant.server.erasure;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.erasure.ErasureCounts;
import dev.sextant.store.erasure.ErasureReceipt;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An erasure receipt on the wire: counts per table, and {@code remaining}, the user's records
 * committed after the erasure's last pass (normally 0; erase again to remove them).
 */
record ReceiptView(String receiptId, String userId, String workspaceId, Instant requestedAt, Instant completedAt,
        Map<String, Long> deleted, long remaining) {

    static ReceiptView of(WorkspaceId workspace, ErasureReceipt r) {
        ErasureCounts d = r.deleted();
        Map<String, Long> deleted = new LinkedHashMap<>();
        deleted.put("traces", d.traces());
        deleted.put("spans", d.spans());
        deleted.put("scores", d.scores());
        deleted.put("sessions", d.sessions());
        return new ReceiptView(r.id(), r.userId(), workspace.value(), r.requestedAt(), r.completedAt(), deleted,
                r.remaining());
    }
}
