package dev.sextant.store;

import java.time.Instant;
import java.util.List;

/**
 * Decision spans (kind {@code decision}) of the selected traces, per decision point (null: spans
 * without one). Confidence figures cover the decisions that carry a confidence. {@code dataAsOf}:
 * the newest start of a trace holding a counted decision, null when none.
 */
public record DecisionAnalytics(double lowConfidenceThreshold, List<Point> points, Instant dataAsOf) {

    public DecisionAnalytics {
        points = List.copyOf(points);
    }

    public record Point(String point, long decisions, Confidence confidence, List<Alternative> alternatives,
            LowConfidence lowConfidence, List<ChosenOutcome> outcomes) {
        public Point {
            alternatives = List.copyOf(alternatives);
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * {@code histogram}: ten counts for [0, 0.1), [0.1, 0.2) ... [0.9, 1.0]; percentiles are
     * {@code percentile_cont}.
     */
    public record Confidence(long count, Double mean, Double p10, Double p50, Double p90, List<Long> histogram) {
        public Confidence {
            histogram = List.copyOf(histogram);
        }
    }

    /**
     * An option at this point: {@code offered} counts the decisions that listed it among their
     * alternatives or chose it; {@code chosen} those that chose it.
     */
    public record Alternative(String alternative, long chosen, long offered) {
    }

    /** Decisions with a confidence below the threshold, and the most recent of them. */
    public record LowConfidence(long count, List<Example> recent) {
        public LowConfidence {
            recent = List.copyOf(recent);
        }
    }

    public record Example(String traceId, String spanId, Instant startedAt, String chosen, double confidence,
            String reasoning) {
    }

    /**
     * The traces of the decisions that chose {@code chosen} (null: none recorded): a decision counts
     * its trace's outcome once, so {@code decisions} is the sample size of a rate.
     */
    public record ChosenOutcome(String chosen, long decisions, long errors, Double errorRate, long handoffs,
            Double handoffRate, Feedback feedback) {
    }
}
