package dev.sextant.server.models;

import dev.sextant.store.models.ModelEvaluation;
import java.time.Instant;
import java.util.SortedMap;

/** An evaluation as the API answers it, with its primary value. */
record EvaluationView(String id, String versionId, String benchmark, SortedMap<String, Double> metrics,
        String primaryMetric, double primaryValue, String dataset, Long sampleSize, Instant evaluatedAt,
        Instant createdAt) {

    static EvaluationView of(ModelEvaluation e) {
        return new EvaluationView(e.id(), e.versionId(), e.benchmark(), e.metrics(), e.primaryMetric(), e.primaryValue(),
                e.dataset(), e.sampleSize(), e.evaluatedAt(), e.createdAt());
    }
}
