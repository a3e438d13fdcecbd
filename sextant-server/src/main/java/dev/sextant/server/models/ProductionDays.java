package dev.sextant.server.models;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.models.ModelReliabilityReader;
import dev.sextant.store.models.ModelVersion;
import dev.sextant.store.models.ReliabilityDay;
import dev.sextant.store.models.ReliabilityQuery;
import java.time.Instant;
import java.util.List;

/**
 * A version's production days: traces of its agent served by its model id, from its deployment up
 * to now. None for a version never deployed, or deployed in the future.
 */
final class ProductionDays {
    private final ModelReliabilityReader reader;

    ProductionDays(ModelReliabilityReader reader) {
        this.reader = reader;
    }

    List<ReliabilityDay> of(WorkspaceId workspace, ModelVersion v, Instant now) {
        Instant to = now.plusMillis(1);
        if (v.deployedAt() == null || !v.deployedAt().isBefore(to)) {
            return List.of();
        }
        return reader.daily(workspace, new ReliabilityQuery(v.modelId(), v.agentId(), v.deployedAt(), to));
    }
}
