package dev.sextant.store;

import java.math.BigDecimal;

/**
 * A trace's totals over its spans. Usage and cost add up only LLM spans when the trace has
 * any, so an agent span that repeats its children's usage is not counted twice.
 */
public record TraceRollup(
        long spanCount,
        long inputTokens,
        long outputTokens,
        long cacheReadTokens,
        long cacheWriteTokens,
        long reasoningTokens,
        BigDecimal costUsd) {

    public static final TraceRollup EMPTY = new TraceRollup(0, 0, 0, 0, 0, 0, BigDecimal.ZERO);

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
