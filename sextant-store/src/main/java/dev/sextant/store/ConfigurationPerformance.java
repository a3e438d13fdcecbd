package dev.sextant.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Per {@code (agent_id, config_version)}: how the traces stamped with that version did. A trace
 * succeeds unless its status is error; response time is over the traces with a duration
 * ({@code latencySamples}); satisfaction is the mean of the numeric {@code user_rating} scores on
 * the version's traces (each score counts once, as in the feedback analytics); a hand-off is a
 * trace whose hand-off was triggered. Standard deviations are sample ones, null below two values.
 * {@code series}: per version and bucket with traces, in bucket order (empty unless asked for).
 * {@code dataAsOf}: the newest trace start counted, null when there is none.
 */
public record ConfigurationPerformance(List<Version> versions, List<Point> series, Instant dataAsOf) {

    public ConfigurationPerformance {
        versions = List.copyOf(versions);
        series = List.copyOf(series);
    }

    public record Version(String agentId, String configVersion, long executions, long successes,
            long latencySamples, Double avgLatencyMs, Double p95LatencyMs, Double latencyStdDevMs, long ratings,
            Double meanRating, Double ratingStdDev, BigDecimal totalCostUsd, Double costStdDevUsd, long handoffs,
            Instant firstSeen, Instant lastSeen) {

        public Version {
            Objects.requireNonNull(configVersion, "configVersion");
            Objects.requireNonNull(totalCostUsd, "totalCostUsd");
            if (executions < 1 || successes < 0 || successes > executions || handoffs < 0 || handoffs > executions
                    || latencySamples < 0 || latencySamples > executions || ratings < 0) {
                throw new IllegalArgumentException("version " + configVersion + ": inconsistent counts: " + executions
                        + " executions, " + successes + " successes, " + handoffs + " hand-offs, " + latencySamples
                        + " latency samples, " + ratings + " ratings");
            }
        }

        public double successRate() {
            return successes / (double) executions;
        }

        public double handoffRate() {
            return handoffs / (double) executions;
        }

        public BigDecimal costPerExecution() {
            return totalCostUsd.divide(BigDecimal.valueOf(executions), 9, RoundingMode.HALF_EVEN);
        }
    }

    /**
     * One version's traces in one bucket (UTC {@code date_trunc} of the trace start): executions,
     * successes, the summed duration of those with one ({@code latencySamples}), cost, and the count
     * and sum of their numeric {@code user_rating} scores (so that buckets can be added up exactly).
     */
    public record Point(String agentId, String configVersion, Instant bucket, long executions, long successes,
            long latencySamples, long totalDurationMs, BigDecimal totalCostUsd, long ratings, double ratingSum) {

        public Point {
            Objects.requireNonNull(configVersion, "configVersion");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(totalCostUsd, "totalCostUsd");
        }

        /** Mean rating in the bucket; null without ratings. */
        public Double meanRating() {
            return ratings == 0 ? null : ratingSum / ratings;
        }
    }
}
