package dev.sextant.server.predictions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One prediction: the probability (a yes/no target) or the expected value (a rating, or a
 * duration in milliseconds), with the model that made it and how good that model was on held-out data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PredictionView(String target, boolean offered, Double probability, Double value, String unit, int modelVersion,
        Instant trainedAt, String algorithm, Integer trainN, Integer testN, JsonNode quality) {

    static PredictionView of(ModelView model, double number) {
        boolean binary = model.kind().equals("binary");
        String unit = binary ? null : model.target().equals("task_duration") ? "ms" : "rating";
        return new PredictionView(model.target(), true, binary ? number : null, binary ? null : number, unit,
                model.version(), model.trainedAt(), model.algorithm(), model.trainN(), model.testN(), summary(model));
    }

    /** The headline figures, without the reliability table. */
    private static JsonNode summary(ModelView model) {
        tools.jackson.databind.node.ObjectNode q = ((tools.jackson.databind.node.ObjectNode) model.quality()).deepCopy();
        q.remove("reliability");
        q.remove("validation_log_loss");
        q.remove("validation_mae");
        return q;
    }
}
