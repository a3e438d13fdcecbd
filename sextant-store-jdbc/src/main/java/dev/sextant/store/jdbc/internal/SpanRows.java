package dev.sextant.store.jdbc.internal;

import static dev.sextant.store.jdbc.internal.SqlValues.instant;
import static dev.sextant.store.jdbc.internal.SqlValues.nullableBoolean;
import static dev.sextant.store.jdbc.internal.SqlValues.nullableDouble;
import static dev.sextant.store.jdbc.internal.SqlValues.nullableLong;

import dev.sextant.model.CostSource;
import dev.sextant.model.Decision;
import dev.sextant.model.Handoff;
import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Usage;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads spans and scores selected with {@link #SPAN_COLUMNS} / {@link #SCORE_COLUMNS}. */
final class SpanRows {
    static final String SPAN_COLUMNS = "s.id, s.trace_id, s.parent_id, s.kind, s.name, s.status, s.error,"
            + " s.started_at, s.ended_at, s.model, s.provider, s.input_tokens, s.output_tokens,"
            + " s.cache_read_tokens, s.cache_write_tokens, s.reasoning_tokens, s.usage_estimated, s.cost_usd,"
            + " s.cost_source, s.tool_name, s.decision_point, s.decision_chosen,"
            + " CAST(s.decision_alternatives AS VARCHAR) AS decision_alternatives, s.decision_reasoning,"
            + " s.confidence, s.handoff_triggered, s.handoff_reason, s.handoff_target,"
            + " CAST(s.attributes AS VARCHAR) AS attributes, s.input, s.output";

    static final String SCORE_COLUMNS = "c.id, c.trace_id, c.span_id, c.name, c.value, c.string_value,"
            + " c.comment, c.source, c.user_id, c.created_at";

    private SpanRows() {}

    static Span span(ResultSet rs) throws SQLException {
        String alternatives = rs.getString("decision_alternatives");
        Boolean triggered = nullableBoolean(rs, "handoff_triggered");
        return new Span(rs.getString("id"), rs.getString("trace_id"), rs.getString("parent_id"),
                kind(rs.getString("kind")), rs.getString("name"), TraceRows.status(rs.getString("status")),
                rs.getString("error"), instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("model"),
                rs.getString("provider"), usage(rs), SqlValues.money(rs, "cost_usd"),
                CostSource.fromWire(rs.getString("cost_source")), rs.getString("tool_name"),
                alternatives == null ? null : new Decision(rs.getString("decision_point"),
                        rs.getString("decision_chosen"), JsonCodec.strings(alternatives),
                        rs.getString("decision_reasoning")),
                nullableDouble(rs, "confidence"),
                triggered == null ? null
                        : new Handoff(triggered, rs.getString("handoff_reason"), rs.getString("handoff_target")),
                rs.getString("attributes"), rs.getString("input"), rs.getString("output"));
    }

    static Usage usage(ResultSet rs) throws SQLException {
        Long input = nullableLong(rs, "input_tokens");
        if (input == null) {
            return null;
        }
        return new Usage(input, rs.getLong("output_tokens"), rs.getLong("cache_read_tokens"),
                rs.getLong("cache_write_tokens"), rs.getLong("reasoning_tokens"),
                Boolean.TRUE.equals(nullableBoolean(rs, "usage_estimated")));
    }

    static Score score(ResultSet rs) throws SQLException {
        return new Score(rs.getString("id"), rs.getString("trace_id"), rs.getString("span_id"),
                rs.getString("name"), nullableDouble(rs, "value"), rs.getString("string_value"),
                rs.getString("comment"), rs.getString("source"), rs.getString("user_id"),
                instant(rs, "created_at"));
    }

    private static SpanKind kind(String wire) {
        return wire == null ? null : SpanKind.fromWire(wire).orElse(SpanKind.CUSTOM);
    }
}
