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
 * need not read nor parse the model's bytes each time: it reads the newest version's summary,
 * which also says at once when erasure withdrew the model). The key holds the workspace: a workspace's
 * predictions only ever use its own model.
 */
@Component
class Predictors {
    private record Key(WorkspaceId workspace, PredictionTarget target) {}

    private record Loaded(int version, TrainedPredictor predictor) {}

    private final ConcurrentMap<Key, Loaded> loaded = new ConcurrentHashMap<>();

    /**
     * The predictor already loaded for the model's workspace, target and version, or null: the
     * model may be a summary without its bytes, read on every call to check freshness.
     */
    TrainedPredictor loaded(WorkspaceId workspace, PredictionModel model) {
        Loaded current = loaded.get(new Key(workspace, model.target()));
        return current != null && current.version() == model.version() ? current.predictor() : null;
    }

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
