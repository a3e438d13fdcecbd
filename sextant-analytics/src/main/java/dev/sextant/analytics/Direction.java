package dev.sextant.analytics;

import dev.sextant.store.TrendQuery.Metric;

/** Which way a metric gets better. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER;

    /** Cost, latency, error rate and hand-off rate get better as they fall; the rest as they rise. */
    public static Direction of(Metric metric) {
        return switch (metric) {
            case COST, LATENCY_P50, LATENCY_P95, LATENCY_P99, ERROR_RATE, HANDOFF_RATE -> LOWER_IS_BETTER;
            case INTERACTIONS, TOKENS, AVG_CONFIDENCE, SATISFACTION, ACCEPTANCE_RATE -> HIGHER_IS_BETTER;
        };
    }
}
