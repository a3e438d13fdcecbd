package dev.sextant.server.sessions;

import dev.sextant.model.Session;
import dev.sextant.store.SessionSummary;
import dev.sextant.store.SessionTotals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * A working session as the API shows it: what the SDK or CLI recorded ({@code context} as JSON),
 * its duration (null until it has both a start and an end) and its totals over its traces.
 */
record SessionView(
        String id,
        String agentId,
        String userId,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        String status,
        JsonNode context,
        TotalsView totals) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static SessionView of(SessionSummary summary) {
        Session s = summary.session();
        Long duration = s.startedAt() == null || s.endedAt() == null ? null
                : Duration.between(s.startedAt(), s.endedAt()).toMillis();
        return new SessionView(s.id(), s.agentId(), s.userId(), s.startedAt(), s.endedAt(), duration,
                s.endedAt() == null ? "open" : "ended", json(s.context()), TotalsView.of(summary.totals()));
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return StringNode.valueOf(text);
        }
    }

    /** The totals over the session's traces; tokens: input includes cache reads and writes, output reasoning. */
    record TotalsView(long traces, long errorTraces, long spans, long toolCalls, long toolErrors,
            long codeGenerations, TokensView tokens, BigDecimal costUsd, Instant firstTraceAt, Instant lastTraceAt,
            RatingView rating) {

        static TotalsView of(SessionTotals t) {
            return new TotalsView(t.traces(), t.errorTraces(), t.spans(), t.toolCalls(), t.toolErrors(),
                    t.codeGenerations(), new TokensView(t.inputTokens(), t.outputTokens(), t.totalTokens()),
                    t.costUsd(), t.firstTraceAt(), t.lastTraceAt(), new RatingView(t.ratings(), t.ratingMean()));
        }
    }

    record TokensView(long input, long output, long total) {}

    /** The {@code user_rating} scores on the session's traces: how many numeric ones, and their mean. */
    record RatingView(long count, Double mean) {}
}
