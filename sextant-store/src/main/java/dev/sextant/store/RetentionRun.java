package dev.sextant.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One finished retention run of a workspace: when it ran, what it removed, and the error that
 * stopped it early (null when it completed; what it removed before failing stays removed).
 */
public record RetentionRun(Instant startedAt, Instant finishedAt, RetentionCounts deleted, String error) {
    public RetentionRun {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(deleted, "deleted");
    }
}
