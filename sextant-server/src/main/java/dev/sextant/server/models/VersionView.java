package dev.sextant.server.models;

import dev.sextant.store.models.ModelVersion;
import java.time.Instant;
import java.util.List;

/** A model version as the API answers it. */
record VersionView(String id, String agentId, String versionLabel, String modelId, String baseModel,
        String parentVersionId, String runId, String trainingType, Instant deployedAt, String notes, List<String> tags,
        Instant createdAt) {

    static VersionView of(ModelVersion v) {
        return new VersionView(v.id(), v.agentId(), v.versionLabel(), v.modelId(), v.baseModel(), v.parentVersionId(),
                v.runId(), v.trainingType() == null ? null : v.trainingType().wire(), v.deployedAt(), v.notes(), v.tags(),
                v.createdAt());
    }

    /** Who a comparison or drift is about, in short. */
    record Brief(String id, String versionLabel, String modelId, Instant deployedAt) {
        static Brief of(ModelVersion v) {
            return new Brief(v.id(), v.versionLabel(), v.modelId(), v.deployedAt());
        }
    }
}
