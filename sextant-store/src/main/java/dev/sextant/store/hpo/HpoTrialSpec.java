package dev.sextant.store.hpo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A trial as reported: the hyperparameters it ran with, its score on the study's objective (null
 * only when it did not complete), and what the run showed (training time, the epoch it converged
 * at, whether it overfit, the training run it was).
 */
public record HpoTrialSpec(Map<String, Object> hyperparameters, Double score, Double trainingTimeSeconds,
        Integer convergenceEpoch, Boolean overfitting, String runId, HpoTrialStatus status) {
    public HpoTrialSpec {
        Objects.requireNonNull(status, "status");
        hyperparameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        if (status == HpoTrialStatus.COMPLETED && score == null) {
            throw new IllegalArgumentException("a completed trial has a score");
        }
        if (score != null && !Double.isFinite(score)) {
            throw new IllegalArgumentException("a score is a finite number, was " + score);
        }
    }
}
