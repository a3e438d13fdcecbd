package dev.sextant.server.predictions;

import dev.sextant.analytics.predictions.TrainedPredictor;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.predictions.PredictionModel;
import dev.sextant.store.predictions.PredictionTarget;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Loaded models by workspace and target, kept while they are the newest version (a prediction
 * need not parse the model's bytes each time). The key holds the workspace: a workspace's
 * predictions only ever use its own model.
 */
@Component
class Predictors {
    private record Key(WorkspaceId workspace, PredictionTarget target) {}

    private record Loaded(int version, TrainedPredictor predictor) {}

    private final ConcurrentMap<Key, Loaded> loaded = new ConcurrentHashMap<>();

    TrainedPredictor of(WorkspaceId workspace, PredictionModel model) {
        Key key = new Key(workspace, model.target());
        Loaded current = loaded.get(key);
        if (current != null && current.version() == model.version()) {
            return current.predictor();
        }
        Loaded fresh = new Loaded(model.version(), TrainedPredictor.load(model.target(), model.model()));
        loaded.put(key, fresh);
        return fresh.predictor();
    }
}
