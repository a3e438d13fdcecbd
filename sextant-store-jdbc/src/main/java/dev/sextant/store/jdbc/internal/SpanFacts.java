package dev.sextant.store.jdbc.internal;

import dev.sextant.model.Span;
import dev.sextant.model.Usage;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The fields of a span that its trace's roll-ups depend on. The usage counts are null together
 * (no usage) or set together, like the stored columns.
 */
record SpanFacts(String traceId, String kind, Long inputTokens, Long outputTokens, Long cacheReadTokens,
                 Long cacheWriteTokens, Long reasoningTokens, BigDecimal costUsd, Instant startedAt) {

    /** The columns {@link #read} expects, of {@code spans t}. */
    static final String COLUMNS = "t.trace_id, t.kind, t.input_tokens, t.output_tokens, t.cache_read_tokens,"
            + " t.cache_write_tokens, t.reasoning_tokens, t.cost_usd, t.started_at";

    static SpanFacts of(Span s) {
        Usage u = s.usage();
        return new SpanFacts(s.traceId(), s.kind() == null ? null : s.kind().wire(),
                u == null ? null : u.inputTokens(), u == null ? null : u.outputTokens(),
                u == null ? null : u.cacheReadTokens(), u == null ? null : u.cacheWriteTokens(),
                u == null ? null : u.reasoningTokens(), s.costUsd(), s.startedAt());
    }

    static SpanFacts read(ResultSet rs) throws SQLException {
        return new SpanFacts(rs.getString("trace_id"), rs.getString("kind"),
                SqlValues.nullableLong(rs, "input_tokens"), SqlValues.nullableLong(rs, "output_tokens"),
                SqlValues.nullableLong(rs, "cache_read_tokens"), SqlValues.nullableLong(rs, "cache_write_tokens"),
                SqlValues.nullableLong(rs, "reasoning_tokens"), SqlValues.money(rs, "cost_usd"),
                SqlValues.instant(rs, "started_at"));
    }

    /** The stored row after a newer copy is merged in: the same rule as the span upsert. */
    SpanFacts mergedWith(SpanFacts newer) {
        boolean newUsage = newer.inputTokens != null;
        return new SpanFacts(pick(newer.traceId, traceId), pick(newer.kind, kind),
                newUsage ? newer.inputTokens : inputTokens, newUsage ? newer.outputTokens : outputTokens,
                newUsage ? newer.cacheReadTokens : cacheReadTokens, newUsage ? newer.cacheWriteTokens : cacheWriteTokens,
                newUsage ? newer.reasoningTokens : reasoningTokens, pick(newer.costUsd, costUsd),
                pick(newer.startedAt, startedAt));
    }

    boolean isLlm() {
        return "llm".equals(kind);
    }

    long[] tokens() {
        return new long[] {zero(inputTokens), zero(outputTokens), zero(cacheReadTokens), zero(cacheWriteTokens),
            zero(reasoningTokens)};
    }

    private static long zero(Long value) {
        return value == null ? 0 : value;
    }

    private static <T> T pick(T newer, T older) {
        return newer != null ? newer : older;
    }
}
