package dev.sextant.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The bucketed series of a trend read. {@code dataAsOf} is the newest interaction start time the
 * answer covers, or null when it covers none.
 */
public record TrendResult(List<Series> series, Instant dataAsOf) {

    public TrendResult {
        series = List.copyOf(series);
    }

    /** One group's buckets, oldest first; {@code key} is null when the read was not grouped. */
    public record Series(String key, List<Bucket> buckets) {
        public Series {
            buckets = List.copyOf(buckets);
        }
    }

    /**
     * One bucket: {@code value} is null when the metric has no value without samples (rates,
     * means, percentiles); counts and sums are 0. {@code samples} is how many values the metric
     * was computed from (interactions, or scores for satisfaction and acceptance).
     */
    public record Bucket(Instant start, Double value, long samples) {
        public Bucket {
            Objects.requireNonNull(start, "start");
            if (samples < 0) {
                throw new IllegalArgumentException("samples must not be negative, was " + samples);
            }
        }
    }
}
