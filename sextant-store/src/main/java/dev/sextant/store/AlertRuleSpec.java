package dev.sextant.store;

import dev.sextant.store.TrendQuery.Metric;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an alert rule watches and when it fires: a trend {@code metric} over the interactions the
 * {@code filter} selects (interaction filter names as on the wire, e.g. {@code agent_id}, without
 * {@code from}/{@code to}), measured over the last {@code window}, against a {@link Condition}.
 * A window with fewer than {@code minSamples} samples is not judged (counts and sums excepted:
 * zero interactions is a value).
 */
public record AlertRuleSpec(
        String name,
        Metric metric,
        Map<String, String> filter,
        Duration window,
        Condition condition,
        Severity severity,
        boolean enabled,
        List<String> webhookIds,
        long minSamples) {

    public AlertRuleSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(severity, "severity");
        filter = filter == null ? Map.of() : Map.copyOf(filter);
        webhookIds = webhookIds == null ? List.of() : List.copyOf(webhookIds);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        if (minSamples < 0) {
            throw new IllegalArgumentException("min_samples must not be negative, was " + minSamples);
        }
    }

    /** When a rule's measured value is a problem. */
    public sealed interface Condition permits Threshold, Anomaly {}

    /** Fires while {@code value op threshold} holds. */
    public record Threshold(Op op, double value) implements Condition {
        public Threshold {
            Objects.requireNonNull(op, "op");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("threshold value must be a finite number, was " + value);
            }
        }
    }

    /** Fires while the robust z-score against the metric's own baseline passes {@code sensitivity}. */
    public record Anomaly(AnomalyDirection direction, double sensitivity) implements Condition {
        public Anomaly {
            Objects.requireNonNull(direction, "direction");
            if (!(sensitivity > 0) || !Double.isFinite(sensitivity)) {
                throw new IllegalArgumentException("sensitivity must be a positive number, was " + sensitivity);
            }
        }
    }

    /** Threshold comparison; the wire form is the symbol. */
    public enum Op {
        GT(">"), GTE(">="), LT("<"), LTE("<=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String wire() {
            return symbol;
        }

        public boolean holds(double value, double threshold) {
            return switch (this) {
                case GT -> value > threshold;
                case GTE -> value >= threshold;
                case LT -> value < threshold;
                case LTE -> value <= threshold;
            };
        }

        public static Op fromWire(String value) {
            for (Op op : values()) {
                if (op.symbol.equals(value)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("op must be one of >, >=, <, <=, was '" + value + "'");
        }
    }

    /** Which side of the baseline counts as anomalous. */
    public enum AnomalyDirection {
        UP, DOWN, BOTH;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static AnomalyDirection fromWire(String value) {
            for (AnomalyDirection d : values()) {
                if (d.wire().equals(value)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("direction must be one of up, down, both, was '" + value + "'");
        }
    }
}
