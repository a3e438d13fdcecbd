package dev.sextant.server.hpo;

import dev.sextant.store.hpo.HpoTrial;
import java.time.Instant;
import java.util.Map;

/** A trial as the API answers it. */
record TrialView(String id, long number, Map<String, Object> hyperparameters, Double score, Double trainingTimeSeconds,
        Integer convergenceEpoch, Boolean overfitting, String runId, String status, Instant createdAt) {

    static TrialView of(HpoTrial t) {
        return new TrialView(t.id(), t.number(), t.spec().hyperparameters(), t.spec().score(), t.spec().trainingTimeSeconds(),
                t.spec().convergenceEpoch(), t.spec().overfitting(), t.spec().runId(), t.spec().status().wire(), t.createdAt());
    }
}
