package dev.sextant.analytics;

import dev.sextant.store.MetricWindows.TimeWindow;
import java.util.List;
import java.util.Objects;

/**
 * What evaluating a rule found, with the numbers behind it. {@code value} and {@code samples}
 * are the current window's; {@code anomaly} is null for threshold rules. {@code reason} says in
 * words why the state was chosen. Only {@link State#FIRING} raises an alert and only
 * {@link State#OK} resolves one: without data or baseline nothing is decided either way.
 */
public record AlertEvaluation(State state, TimeWindow window, Double value, long samples, AnomalyCheck anomaly,
        String reason) {

    public enum State { FIRING, OK, NO_DATA, INSUFFICIENT_BASELINE }

    public AlertEvaluation {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The baseline an anomaly rule compared with: {@code baseline} = {@code seasonal} or
     * {@code recent} (null when neither had enough windows with data), the values it was made
     * of, its median, MAD and scaled MAD, and the current value's robust z (null without a
     * varying baseline). The counts say how many windows of each kind had data.
     */
    public record AnomalyCheck(String baseline, List<Double> baselineValues, Double median, Double mad, Double scale,
            Double z, int seasonalWithData, int seasonalWindows, int recentWithData, int recentWindows) {
        public AnomalyCheck {
            baselineValues = List.copyOf(baselineValues);
        }
    }
}
