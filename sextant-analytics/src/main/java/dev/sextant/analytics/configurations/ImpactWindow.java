package dev.sextant.analytics.configurations;

import dev.sextant.store.ConfigurationPerformance.Point;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One side of a change over its window of {@code days} whole UTC days: executions, successes,
 * summed response time, cost and ratings of the traces on that side's version, and what follows.
 * A rate or mean is null when there is nothing to divide by.
 */
public record ImpactWindow(LocalDate firstDay, LocalDate lastDay, int days, long executions, long successes,
        long latencySamples, long totalDurationMs, BigDecimal totalCostUsd, long ratings, double ratingSum) {

    static ImpactWindow empty(LocalDate first, LocalDate last, int days) {
        return new ImpactWindow(first, last, days, 0, 0, 0, 0, BigDecimal.ZERO.setScale(9), 0, 0);
    }

    ImpactWindow plus(Point p) {
        return new ImpactWindow(firstDay, lastDay, days, executions + p.executions(), successes + p.successes(),
                latencySamples + p.latencySamples(), totalDurationMs + p.totalDurationMs(),
                totalCostUsd.add(p.totalCostUsd()), ratings + p.ratings(), ratingSum + p.ratingSum());
    }

    public double executionsPerDay() {
        return executions / (double) days;
    }

    /** Total time the agent spent on these executions, in hours. */
    public double executionHours() {
        return totalDurationMs / 3_600_000.0;
    }

    public Double successRate() {
        return executions == 0 ? null : successes / (double) executions;
    }

    public Double avgResponseMs() {
        return latencySamples == 0 ? null : totalDurationMs / (double) latencySamples;
    }

    public BigDecimal costPerExecutionUsd() {
        return executions == 0 ? null : totalCostUsd.divide(BigDecimal.valueOf(executions), 9, RoundingMode.HALF_EVEN);
    }

    public Double meanRating() {
        return ratings == 0 ? null : ratingSum / ratings;
    }
}
