package dev.sextant.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Scores of one name over the selected interactions: how many, their mean (numeric values only),
 * how they are distributed, per time bucket and per group, and the {@code thumbs} scores of the
 * same interactions. {@code dataAsOf}: the newest interaction start covered, null when none.
 */
public record FeedbackSummary(long count, long numericCount, Double mean, List<ValueCount> distribution,
        List<Bucket> buckets, List<Group> groups, Thumbs thumbs, Instant dataAsOf) {

    public FeedbackSummary {
        distribution = List.copyOf(distribution);
        buckets = List.copyOf(buckets);
        groups = List.copyOf(groups);
        Objects.requireNonNull(thumbs, "thumbs");
    }

    /** A numeric value, or (for categorical scores) a category, and how many scores have it. */
    public record ValueCount(Double value, String category, long count) {
    }

    /** One time bucket: scores in it and the mean of their numeric values (null when none). */
    public record Bucket(Instant start, long count, Double mean) {
        public Bucket {
            Objects.requireNonNull(start, "start");
        }
    }

    /** One group (agent, tag, message type or metadata value): scores, their numeric mean, and every bucket. */
    public record Group(String key, long count, long numericCount, Double mean, List<Bucket> buckets) {
        public Group {
            buckets = List.copyOf(buckets);
        }
    }

    /** {@code thumbs} scores: value 1 is up, 0 is down; other values are not counted. */
    public record Thumbs(long up, long down) {
        public Double upRatio() {
            return up + down == 0 ? null : up / (double) (up + down);
        }
    }
}
