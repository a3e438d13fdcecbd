package dev.sextant.store.models;

import dev.sextant.store.training.TrainingType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A stored model version: what {@link NewModelVersion} said, its id, and when it was recorded. */
public record ModelVersion(String id, String agentId, String versionLabel, String modelId, String baseModel,
        String parentVersionId, String runId, TrainingType trainingType, Instant deployedAt, String notes,
        List<String> tags, Instant createdAt) {
    public ModelVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(versionLabel, "versionLabel");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(createdAt, "createdAt");
        tags = List.copyOf(tags);
    }

    /** Where the version stands in its agent's history: its deployment, or its creation when never deployed. */
    public Instant orderedAt() {
        return deployedAt != null ? deployedAt : createdAt;
    }
}
