package dev.sextant.analytics;

import java.util.Objects;

/**
 * A series' linear trend over its buckets: the least-squares slope (metric units per bucket),
 * its two-sided p-value, how many buckets with a value it was fitted on, and the class.
 * {@code slope} and {@code pValue} are null when fewer than 3 buckets have a value.
 * {@code reason} says in words why the class was chosen.
 */
public record TrendVerdict(Trend trend, Double slope, Double pValue, int points, String reason) {

    public enum Trend { IMPROVING, STABLE, DECLINING }

    public TrendVerdict {
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(reason, "reason");
    }
}
