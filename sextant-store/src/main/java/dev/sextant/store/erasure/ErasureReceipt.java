package dev.sextant.store.erasure;

import java.time.Instant;
import java.util.Objects;

/**
 * What one erasure removed: the user id as requested, when it was asked and finished, the rows
 * deleted per table, and how many of the user's records were still stored when it finished
 * (ones committed after its last pass; normally 0).
 */
public record ErasureReceipt(String id, String userId, Instant requestedAt, Instant completedAt,
        ErasureCounts deleted, long remaining) {
    public ErasureReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(deleted, "deleted");
    }
}
