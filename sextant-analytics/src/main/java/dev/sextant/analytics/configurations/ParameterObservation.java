package dev.sextant.analytics.configurations;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One observation for parameter analysis: the parameter values in force (numbers, or text and
 * booleans as categories) and what came out. An observation is one execution or one version-day;
 * {@code success} is then 0 or 1, or the day's success rate. An absent outcome is null.
 */
public record ParameterObservation(Map<String, Object> parameters, Double success, Double rating, Double latencyMs,
        Double costUsd) {

    public ParameterObservation {
        Objects.requireNonNull(parameters, "parameters");
        parameters = Map.copyOf(parameters);
        for (Double v : new Double[] {success, rating, latencyMs, costUsd}) {
            if (v != null && !Double.isFinite(v)) {
                throw new IllegalArgumentException("outcomes must be finite numbers, one was " + v);
            }
        }
    }

    /** The performance figure a parameter is related to, and which way is better. */
    public enum Outcome {
        SUCCESS(true), RATING(true), LATENCY(false), COST(false);

        private final boolean higherIsBetter;

        Outcome(boolean higherIsBetter) {
            this.higherIsBetter = higherIsBetter;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        Double of(ParameterObservation o) {
            return switch (this) {
                case SUCCESS -> o.success();
                case RATING -> o.rating();
                case LATENCY -> o.latencyMs();
                case COST -> o.costUsd();
            };
        }
    }
}
