package dev.sextant.store.models;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One benchmark result of a version: the benchmark's name, its metrics (name to a finite value),
 * which of them is primary ({@code accuracy} unless told otherwise; it is present in the
 * metrics), the dataset evaluated on, how many examples it had (null: not told) and when.
 */
public record NewEvaluation(String benchmark, SortedMap<String, Double> metrics, String primaryMetric, String dataset,
        Long sampleSize, Instant evaluatedAt) {
    public static final String DEFAULT_PRIMARY = "accuracy";

    public NewEvaluation {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        primaryMetric = primaryMetric == null ? DEFAULT_PRIMARY : primaryMetric;
        metrics = new TreeMap<>(metrics);
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            if (m.getValue() == null || !Double.isFinite(m.getValue())) {
                throw new IllegalArgumentException("metric " + m.getKey() + " must be a finite number, was " + m.getValue());
            }
        }
        if (!metrics.containsKey(primaryMetric)) {
            throw new IllegalArgumentException("the primary metric " + primaryMetric + " is not among the metrics");
        }
        if (sampleSize != null && sampleSize < 1) {
            throw new IllegalArgumentException("sampleSize must be 1 or more, was " + sampleSize);
        }
    }
}
