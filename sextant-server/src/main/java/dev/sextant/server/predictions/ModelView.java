package dev.sextant.server.predictions;

import dev.sextant.store.predictions.PredictionModel;
import dev.sextant.store.predictions.PredictionTarget;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A target's newest model as the API shows it: {@code not_trained} (with a null version) until
 * the first training, then the status of that training with its reason, sample sizes, the
 * held-out quality and the top features.
 */
record ModelView(String target, String kind, String status, String reason, Integer version, Instant trainedAt,
        Integer trainN, Integer testN, String algorithm, JsonNode quality, JsonNode topFeatures) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ModelView of(PredictionModel m) {
        JsonNode all = JSON.readTree(m.qualityJson());
        tools.jackson.databind.node.ObjectNode quality = ((tools.jackson.databind.node.ObjectNode) all).deepCopy();
        JsonNode top = quality.remove("top_features");
        JsonNode algorithm = quality.remove("algorithm");
        JsonNode trainN = quality.remove("train_n");
        JsonNode testN = quality.remove("test_n");
        return new ModelView(m.target().wire(), kind(m.target()), m.status(), m.reason(), m.version(), m.trainedAt(),
                trainN == null ? null : trainN.intValue(), testN == null ? null : testN.intValue(),
                algorithm == null || algorithm.isNull() ? null : algorithm.asString(), quality,
                top == null ? JSON.createArrayNode() : top);
    }

    static ModelView untrained(PredictionTarget target) {
        return new ModelView(target.wire(), kind(target), "not_trained", "no model has been trained yet", null, null,
                null, null, null, JSON.createObjectNode(), JSON.createArrayNode());
    }

    static String kind(PredictionTarget target) {
        return target.binary() ? "binary" : "regression";
    }
}
