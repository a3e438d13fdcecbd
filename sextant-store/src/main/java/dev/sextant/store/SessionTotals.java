package dev.sextant.store;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A session's figures over the traces whose {@code session_id} is the session: how many traces
 * (and how many ended in error), their spans, tool calls (and failed ones), code generations,
 * tokens and cost as the traces roll them up, the first trace start and the last trace end (or
 * start), and the mean of the {@code user_rating} scores on those traces (null without any).
 */
public record SessionTotals(
        long traces,
        long errorTraces,
        long spans,
        long toolCalls,
        long toolErrors,
        long codeGenerations,
        long inputTokens,
        long outputTokens,
        BigDecimal costUsd,
        Instant firstTraceAt,
        Instant lastTraceAt,
        long ratings,
        Double ratingMean) {

    public static final SessionTotals EMPTY =
            new SessionTotals(0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(9), null, null, 0, null);

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
