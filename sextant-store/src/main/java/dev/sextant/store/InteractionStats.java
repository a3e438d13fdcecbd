package dev.sextant.store;

import java.math.BigDecimal;
import java.util.List;

/**
 * Aggregates over the interactions a query selects. Averages and percentiles are null when
 * nothing they average exists (no interaction has a confidence, say): never a made-up zero.
 */
public record InteractionStats(
        long interactions,
        long errors,
        BigDecimal totalCostUsd,
        BigDecimal avgCostUsd,
        Double avgConfidence,
        Double avgDurationMs,
        Double p50DurationMs,
        Double p95DurationMs,
        Double p99DurationMs,
        long handoffs,
        List<KeyCount> handoffReasons,
        long highConfidence,
        long lowConfidence,
        List<HistogramBucket> confidenceHistogram,
        Tokens tokens,
        List<ModelBreakdown> byModel,
        List<MessageTypeBreakdown> byMessageType) {

    public Double handoffRate() {
        return interactions == 0 ? null : (double) handoffs / interactions;
    }

    public Double errorRate() {
        return interactions == 0 ? null : (double) errors / interactions;
    }

    public record KeyCount(String key, long count) {}

    /** Confidence in [lower, upper); the last bucket includes 1.0. */
    public record HistogramBucket(double lower, double upper, long count) {}

    public record Tokens(long input, long output, long cacheRead, long cacheWrite, long reasoning) {
        public long total() {
            return input + output;
        }
    }

    /** LLM spans of one model inside the selected interactions. */
    public record ModelBreakdown(String model, long calls, long inputTokens, long outputTokens, BigDecimal costUsd) {}

    public record MessageTypeBreakdown(String messageType, long interactions, BigDecimal costUsd) {}
}
