package dev.sextant.store.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a client says about a run when it starts it. {@code hyperparameters} holds JSON values
 * (String, Number, Boolean, null, List, Map): learning_rate, batch_size, epochs, warmup_steps,
 * gradient_accumulation_steps and any others (an MLflow param is a String entry). {@code tags} is
 * a free string map (MLflow tags land here). {@code totalSteps} (optional) is what the ETA counts to.
 */
public record NewTrainingRun(String agentId, String name, String baseModel, TrainingType trainingType,
        Map<String, Object> hyperparameters, DatasetRef dataset, Long totalSteps, Map<String, String> tags) {

    public NewTrainingRun {
        Objects.requireNonNull(trainingType, "trainingType");
        hyperparameters = hyperparameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        if (totalSteps != null && totalSteps < 1) {
            throw new IllegalArgumentException("total_steps must be at least 1, was " + totalSteps);
        }
    }
}
