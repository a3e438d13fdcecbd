package dev.sextant.server.configperf;

import dev.sextant.store.ConfigurationPerformance.Point;
import dev.sextant.store.ConfigurationPerformance.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** One config version's performance as the API answers it. */
record VersionView(String agentId, String configVersion, long executions, long successes, double successRate,
        Double avgResponseMs, Double p95ResponseMs, Double responseMsStdDev, Double satisfaction, long ratingCount,
        Double ratingStdDev, BigDecimal totalCostUsd, BigDecimal costPerExecutionUsd, long handoffs,
        double handoffRate, Instant firstSeen, Instant lastSeen) {

    static VersionView of(Version v) {
        return new VersionView(v.agentId(), v.configVersion(), v.executions(), v.successes(), v.successRate(),
                v.avgLatencyMs(), v.p95LatencyMs(), v.latencyStdDevMs(), v.meanRating(), v.ratings(), v.ratingStdDev(),
                v.totalCostUsd(), v.costPerExecution(), v.handoffs(), v.handoffRate(), v.firstSeen(), v.lastSeen());
    }

    /** One bucket of a version's series. */
    record PointView(String agentId, String configVersion, Instant bucket, long executions, long successes,
            BigDecimal totalCostUsd, long ratingCount, Double satisfaction, Long totalDurationMs) {

        static PointView of(Point p) {
            return new PointView(p.agentId(), p.configVersion(), p.bucket(), p.executions(), p.successes(),
                    p.totalCostUsd(), p.ratings(), p.meanRating(), p.totalDurationMs());
        }
    }
}
