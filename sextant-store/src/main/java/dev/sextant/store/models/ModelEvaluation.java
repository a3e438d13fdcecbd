package dev.sextant.store.models;

import java.time.Instant;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A stored evaluation of version {@code versionId}; see {@link NewEvaluation}. */
public record ModelEvaluation(String id, String versionId, String benchmark, SortedMap<String, Double> metrics,
        String primaryMetric, String dataset, Long sampleSize, Instant evaluatedAt, Instant createdAt) {
    public ModelEvaluation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(primaryMetric, "primaryMetric");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        metrics = new TreeMap<>(metrics);
    }

    /** The primary metric's value. */
    public double primaryValue() {
        return metrics.get(primaryMetric);
    }
}
