package dev.sextant.server.training;

import dev.sextant.analytics.training.LearningCurve;
import java.util.Locale;

/**
 * The learning-curve prediction of a run's final loss: the metric fitted (val_loss, or train_loss
 * when no val_loss was logged), the step predicted for (total_steps), the status (fitted, flat,
 * insufficient_data, fit_failed, or unavailable when there is nothing to fit to), the predicted
 * value and its interval, the model, and the reason when there is no prediction or no interval.
 */
record PredictionView(String metric, Long targetStep, String status, Double predictedFinalLoss, Interval interval,
        String model, Double rmse, Integer pointsUsed, String reason) {

    record Interval(Double low, Double high, double level) {}

    static PredictionView unavailable(String metric, String reason) {
        return new PredictionView(metric, null, "unavailable", null, null, null, null, null, reason);
    }

    static PredictionView of(String metric, LearningCurve c) {
        Interval interval = c.lower() == null || c.upper() == null ? null
                : new Interval(QualityView.known(c.lower()), QualityView.known(c.upper()), c.level());
        return new PredictionView(metric, c.targetStep(), c.status().name().toLowerCase(Locale.ROOT),
                QualityView.known(c.predicted()), interval,
                c.model() == null ? null : c.model().name().toLowerCase(Locale.ROOT), QualityView.known(c.rmse()),
                c.pointsUsed(), c.reason());
    }
}
