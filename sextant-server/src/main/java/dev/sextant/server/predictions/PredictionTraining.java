package dev.sextant.server.predictions;

import dev.sextant.analytics.predictions.PredictionTrainer;
import dev.sextant.analytics.predictions.TrainingOutcome;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.store.SextantStore;
import dev.sextant.store.predictions.PredictionModel;
import dev.sextant.store.predictions.PredictionStore;
import dev.sextant.store.predictions.PredictionTarget;
import dev.sextant.store.predictions.TrainingRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Trains a workspace's models from its own rows and keeps each as a new version. One training
 * of a workspace at a time (the endpoint and the schedule take turns); reads run on the read
 * pool and the save is one small write, so ingestion is never held up.
 */
@Component
class PredictionTraining {
    private final PredictionStore store;
    private final ContextFeatures context;
    private final PredictionSettings settings;
    private final DataVersions versions;
    private final Clock clock;
    private final ConcurrentMap<WorkspaceId, Object> locks = new ConcurrentHashMap<>();
    private final ConcurrentMap<WorkspaceId, Long> trainedAtVersion = new ConcurrentHashMap<>();

    PredictionTraining(SextantStore store, ContextFeatures context, PredictionSettings settings,
            DataVersions versions, Clock clock) {
        this.store = store.predictions();
        this.context = context;
        this.settings = settings;
        this.versions = versions;
        this.clock = clock;
    }

    PredictionModel train(WorkspaceId workspace, PredictionTarget target) {
        synchronized (locks.computeIfAbsent(workspace, w -> new Object())) {
            List<TrainingRow> rows = context.added(workspace, store.trainingRows(workspace, target, settings.maxRows()));
            TrainingOutcome outcome = new PredictionTrainer(settings.seed()).train(target, rows);
            return store.save(workspace, new PredictionModel(target, 0, clock.instant(), outcome.status(),
                    outcome.reason(), outcome.qualityJson(), outcome.model()));
        }
    }

    /** Every target, noting the data version trained at (the schedule skips a workspace whose data did not move). */
    List<PredictionModel> trainAll(WorkspaceId workspace) {
        long version = versions.current(workspace);
        List<PredictionModel> models = new ArrayList<>();
        for (PredictionTarget target : PredictionTarget.values()) {
            models.add(train(workspace, target));
        }
        trainedAtVersion.put(workspace, version);
        return models;
    }

    /** True when this process trained the workspace and its data has not changed since. */
    boolean unchanged(WorkspaceId workspace) {
        Long trained = trainedAtVersion.get(workspace);
        return trained != null && trained == versions.current(workspace);
    }
}
