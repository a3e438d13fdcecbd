package dev.sextant.analytics.insights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One tested difference, before the run's correction for multiple testing: what ({@code kind}),
 * about whom ({@code subject}: agent_id, tool_name, model, pattern, config versions), whether it
 * went {@code up} or {@code down} and whether that is {@code worse} or {@code better}, a
 * one-sentence {@code title} with the numbers, the numbers themselves, the test and its p-value,
 * a scale-free effect size (for ranking), the volume behind it (current-side samples) and links
 * to the API reads that show it.
 */
public record Finding(String kind, Map<String, String> subject, String direction, String impact, String title,
        Numbers numbers, String test, double pValue, double effectSize, String effectMeasure, long volume,
        Map<String, String> links) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        // kept in the order given, so that the answer reads the same every time
        subject = Collections.unmodifiableMap(new LinkedHashMap<>(subject));
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
        if (Double.isNaN(pValue) || pValue < 0 || pValue > 1) {
            throw new IllegalArgumentException(kind + ": p-value must be between 0 and 1, was " + pValue);
        }
        if (Double.isNaN(effectSize) || effectSize < 0) {
            throw new IllegalArgumentException(kind + ": effect size must be 0 or more, was " + effectSize);
        }
    }

    /**
     * The figures compared: {@code current} against {@code baseline} in {@code unit} (ratio, usd,
     * ms, rating, count), their difference and relative change (null when the baseline is 0), and
     * the counts behind them: events (errors, failures, slow calls; null for means) out of samples.
     */
    public record Numbers(String unit, Double current, Double baseline, Double change, Double changeRatio,
            Long currentCount, long currentSamples, Long baselineCount, long baselineSamples) {

        public static Numbers of(String unit, double current, double baseline, Long currentCount, long currentSamples,
                Long baselineCount, long baselineSamples) {
            return new Numbers(unit, current, baseline, current - baseline,
                    baseline == 0 ? null : (current - baseline) / baseline, currentCount, currentSamples, baselineCount,
                    baselineSamples);
        }
    }

    public static String direction(double current, double baseline) {
        return current >= baseline ? "up" : "down";
    }

    /** worse when the figure rose and lower is better (or fell and higher is better). */
    public static String impact(double current, double baseline, boolean higherIsBetter) {
        return (current > baseline) == higherIsBetter ? "better" : "worse";
    }
}
