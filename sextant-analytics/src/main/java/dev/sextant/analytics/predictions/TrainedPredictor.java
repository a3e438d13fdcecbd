package dev.sextant.analytics.predictions;

import dev.sextant.store.predictions.PredictionTarget;
import java.time.Instant;
import java.util.Map;
import org.tribuo.Model;

/**
 * A stored model ready to answer: the probability of the outcome (a yes/no target) or its
 * expected value (a duration in milliseconds, back from the log scale the model fits).
 * Thread-safe: Tribuo models predict concurrently.
 */
public final class TrainedPredictor {
    private final PredictionTarget target;
    private final Model<?> model;

    private TrainedPredictor(PredictionTarget target, Model<?> model) {
        this.target = target;
        this.model = model;
    }

    public static TrainedPredictor load(PredictionTarget target, byte[] bytes) {
        return new TrainedPredictor(target, PredictorCodec.model(bytes));
    }

    /**
     * @param categories text features and {@code hour_of_day}/{@code weekday} as decimal text
     * @param numbers {@code input_length} (characters)
     * @param now the time the hour and weekday default to
     */
    public double predict(Map<String, String> categories, Map<String, Double> numbers, Instant now) {
        return predict(categories, numbers, java.util.Set.of(), now);
    }

    /** With indicator features ({@code context.<type>=<value>}); numeric context is in {@code numbers} as {@code context.<type>}. */
    public double predict(Map<String, String> categories, Map<String, Double> numbers, java.util.Set<String> indicators,
            Instant now) {
        double raw = TribuoModels.predict(model, target.binary(),
                PredictionFeatures.encode(categories, numbers, indicators, now));
        if (target.binary()) {
            return Math.min(1, Math.max(0, raw));
        }
        return target == PredictionTarget.TASK_DURATION ? Math.max(0, Math.expm1(raw)) : raw;
    }
}
