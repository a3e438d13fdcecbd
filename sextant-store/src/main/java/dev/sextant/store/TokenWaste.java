package dev.sextant.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Where tokens go to waste. {@code growth}: per conversation with at least {@code minTurns}
 * traces, the least-squares slope of the trace's input tokens on its turn index (1, 2, ... by
 * start time, then id; {@code regr_slope} in the database), the fastest growing first.
 * {@code cache}: LLM spans with usage per model and UTC day of their start. {@code repeated}:
 * LLM calls sending the same input text to the same model more than once.
 */
public record TokenWaste(PromptGrowth growth, List<CacheDay> cache, RepeatedPrompts repeated, Instant dataAsOf) {

    public TokenWaste {
        Objects.requireNonNull(growth, "growth");
        cache = List.copyOf(cache);
        Objects.requireNonNull(repeated, "repeated");
    }

    /** {@code conversations} analysed (with enough turns), how many grew (slope above 0), the top ones. */
    public record PromptGrowth(long conversations, long growing, List<Conversation> fastest) {
        public PromptGrowth {
            fastest = List.copyOf(fastest);
        }
    }

    public record Conversation(String conversationId, long turns, double slopeTokensPerTurn, Double r2,
            long firstTurnInputTokens, long lastTurnInputTokens, long inputTokens, BigDecimal costUsd) {
    }

    /** One model on one day: calls with usage and their input, cache-read and cache-write tokens. */
    public record CacheDay(String model, LocalDate day, long calls, long inputTokens, long cacheReadTokens,
            long cacheWriteTokens) {
    }

    /**
     * {@code groups} of identical (model, input) with more than one call, the calls in them, and
     * {@code wastedCostUsd}: the summed {@link Repeat#wastedCostUsd()} of every group.
     */
    public record RepeatedPrompts(long groups, long calls, BigDecimal wastedCostUsd, List<Repeat> top) {
        public RepeatedPrompts {
            Objects.requireNonNull(wastedCostUsd, "wastedCostUsd");
            top = List.copyOf(top);
        }
    }

    /**
     * One repeated prompt: its model, a preview (the first 120 characters), how many calls sent it,
     * their total cost, the cost of all but one call ({@code total - total / calls}), and one trace.
     */
    public record Repeat(String model, String preview, int inputLength, long calls, BigDecimal totalCostUsd,
            BigDecimal wastedCostUsd, String exampleTraceId) {
    }
}
