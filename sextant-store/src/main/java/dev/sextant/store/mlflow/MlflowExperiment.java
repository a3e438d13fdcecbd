package dev.sextant.store.mlflow;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** An MLflow experiment of a workspace: {@code id} is unique per workspace (0 is "Default"), so is {@code name}. */
public record MlflowExperiment(long id, String name, String artifactLocation, LifecycleStage lifecycleStage,
        Map<String, String> tags, Instant createdAt, Instant updatedAt) {

    public MlflowExperiment {
        Objects.requireNonNull(name, "name");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
