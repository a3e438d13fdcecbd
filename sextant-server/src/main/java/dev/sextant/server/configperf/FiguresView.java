package dev.sextant.server.configperf;

import dev.sextant.store.ConfigurationPerformance.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version's figures in a configuration's performance answer. A version without traffic in
 * the range has zero executions, and every rate and mean is null (there is nothing to divide by).
 */
record FiguresView(long executions, long successes, Double successRate, Double avgResponseMs, Double p95ResponseMs,
        Double responseMsStdDev, Double satisfaction, long ratingCount, BigDecimal totalCostUsd,
        BigDecimal costPerExecutionUsd, long handoffs, Double handoffRate, Instant firstSeen, Instant lastSeen) {

    static FiguresView of(Version v) {
        if (v == null) {
            return new FiguresView(0, 0, null, null, null, null, null, 0, BigDecimal.ZERO.setScale(9), null, 0, null,
                    null, null);
        }
        return new FiguresView(v.executions(), v.successes(), v.successRate(), v.avgLatencyMs(), v.p95LatencyMs(),
                v.latencyStdDevMs(), v.meanRating(), v.ratings(), v.totalCostUsd(), v.costPerExecution(), v.handoffs(),
                v.handoffRate(), v.firstSeen(), v.lastSeen());
    }
}
