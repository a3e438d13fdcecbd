package dev.sextant.analytics.context.patterns;

import java.util.List;

/**
 * A rule {@code items → outcome}: {@code support} transactions hold the items
 * ({@code supportFraction} of all), {@code outcomeCount} of them had the outcome; confidence is
 * outcomeCount / support with its Wilson 95% interval; lift is the confidence over the outcome's
 * rate in all transactions; {@code p} is Fisher's exact test (two-sided) of the outcome with
 * against without the items and {@code q} its Benjamini–Hochberg adjustment.
 */
public record PatternRule(List<String> items, PatternOutcome outcome, long support, double supportFraction,
        long outcomeCount, double confidence, double confidenceLow, double confidenceHigh, double lift, double p,
        double q) {
    public PatternRule {
        items = List.copyOf(items);
    }
}
