package dev.sextant.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the ingest path.
 *
 * @param maxBodyBytes longest request body read (default 32 MiB); longer → 413
 * @param maxItemsPerBatch most items in one request (default 50,000); more → 400
 * @param queueCapacityItems most items waiting for a commit (default 200,000); full → 429
 * @param maxItemsPerCommit most items the writer puts in one transaction (default 20,000); a
 *     single request larger than this is still committed whole
 * @param commitTimeout how long a request waits for its commit (default 30 s); then → 503
 */
public record IngestSettings(
        long maxBodyBytes, int maxItemsPerBatch, int queueCapacityItems, int maxItemsPerCommit, Duration commitTimeout) {

    public IngestSettings {
        positive("max_body_bytes", maxBodyBytes);
        positive("max_items_per_batch", maxItemsPerBatch);
        positive("queue_capacity_items", queueCapacityItems);
        positive("max_items_per_commit", maxItemsPerCommit);
        Objects.requireNonNull(commitTimeout, "commit_timeout");
        if (commitTimeout.isNegative() || commitTimeout.isZero()) {
            throw new IllegalArgumentException("commit_timeout must be positive, was " + commitTimeout);
        }
        if (queueCapacityItems < maxItemsPerBatch) {
            throw new IllegalArgumentException("queue_capacity_items (" + queueCapacityItems
                    + ") must be at least max_items_per_batch (" + maxItemsPerBatch
                    + "), or a full batch could never be queued");
        }
    }

    public static IngestSettings defaults() {
        return new IngestSettings(32L * 1024 * 1024, 50_000, 200_000, 20_000, Duration.ofSeconds(30));
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
