package dev.sextant.store.models;

import dev.sextant.store.training.TrainingType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a new model version says: the agent it serves, its label (unique per agent), the model id
 * production LLM spans carry for it (their {@code model}), the base model, the parent version (null
 * for a first version), the training run that produced it, how it was trained, when it went to
 * production (null: not deployed), notes and tags. {@code id} null: the store generates one.
 */
public record NewModelVersion(String id, String agentId, String versionLabel, String modelId, String baseModel,
        String parentVersionId, String runId, TrainingType trainingType, Instant deployedAt, String notes,
        List<String> tags) {
    public NewModelVersion {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(versionLabel, "versionLabel");
        Objects.requireNonNull(modelId, "modelId");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
