package dev.sextant.store.mlflow;

import java.time.Instant;

/** A training run as MLflow sees it beyond the run itself: its experiment, the user who made it, its lifecycle. */
public record MlflowRunLink(String runId, long experimentId, String userId, LifecycleStage lifecycleStage,
        Instant createdAt) {}
