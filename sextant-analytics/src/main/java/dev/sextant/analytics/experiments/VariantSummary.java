package dev.sextant.analytics.experiments;

/**
 * One variant's figures: units and traces seen, and each metric's value (null when no unit has
 * it: no rating, no duration). Rates are over the variant's traces, satisfaction is the mean
 * {@code user_rating}, response time the mean duration of a trace in ms, cost the mean per unit.
 */
public record VariantSummary(String variantId, int allocationPercent, long units, long traces, Double successRate,
        Double satisfaction, Double responseTimeMs, Double errorRate, Double handoffRate, Double costPerUnit) {
}
