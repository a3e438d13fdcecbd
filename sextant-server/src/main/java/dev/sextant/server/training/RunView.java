package dev.sextant.server.training;

import dev.sextant.store.training.DatasetRef;
import dev.sextant.store.training.NewTrainingRun;
import dev.sextant.store.training.RunError;
import dev.sextant.store.training.RunResources;
import dev.sextant.store.training.TrainingRun;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A run as the API answers it (snake_case by the server's mapper); {@code quality} and {@code prediction} only on GET of one run. */
record RunView(String id, String agentId, String name, String baseModel, String trainingType,
        Map<String, Object> hyperparameters, DatasetRef dataset, Long totalSteps, Map<String, String> tags, String status,
        RunError error, ResourcesView resources, long pointCount, Long lastStep, Instant lastLoggedAt, Instant createdAt,
        Instant startedAt, Instant endedAt, QualityView quality, PredictionView prediction) {

    record ResourcesView(Double gpuHours, Double peakMemoryGb, BigDecimal costUsd, Long tokensProcessed) {
        static ResourcesView of(RunResources r) {
            return new ResourcesView(r.gpuHours(), r.peakMemoryGb(),
                    r.costUsd() == null ? null : r.costUsd().stripTrailingZeros(), r.tokensProcessed());
        }
    }

    static RunView of(TrainingRun r) {
        return of(r, null, null);
    }

    static RunView of(TrainingRun r, QualityView quality, PredictionView prediction) {
        NewTrainingRun s = r.spec();
        return new RunView(r.id(), s.agentId(), s.name(), s.baseModel(), s.trainingType().wire(), s.hyperparameters(),
                s.dataset(), s.totalSteps(), new TreeMap<>(s.tags()), r.status().wire(), r.error(),
                ResourcesView.of(r.resources()), r.pointCount(), r.lastStep(), r.lastLoggedAt(), r.createdAt(),
                r.startedAt(), r.endedAt(), quality, prediction);
    }
}
