package dev.sextant.store.jdbc.internal;

import static dev.sextant.store.jdbc.internal.SqlValues.instant;
import static dev.sextant.store.jdbc.internal.SqlValues.nullableBoolean;
import static dev.sextant.store.jdbc.internal.SqlValues.nullableDouble;
import static dev.sextant.store.jdbc.internal.SqlValues.nullableInt;

import dev.sextant.model.Handoff;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.store.TraceRollup;
import dev.sextant.store.TraceSummary;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a {@link TraceSummary} from a row of {@code traces t} selected with {@link #COLUMNS}. */
final class TraceRows {
    static final String COLUMNS = "t.id, t.agent_id, t.session_id, t.conversation_id, t.user_id, t.name,"
            + " t.input, t.output, t.status, t.error, t.started_at, t.ended_at, t.message_type,"
            + " CAST(t.intents AS VARCHAR) AS intents, t.confidence, t.handoff_triggered, t.handoff_reason,"
            + " t.handoff_target, t.context_size, t.config_version, t.experiment_id, t.variant_id,"
            + " CAST(t.tags AS VARCHAR) AS tags, CAST(t.metadata AS VARCHAR) AS metadata,"
            + " t.span_count, t.input_tokens, t.output_tokens, t.cache_read_tokens, t.cache_write_tokens,"
            + " t.reasoning_tokens, t.cost_usd";

    private TraceRows() {}

    static TraceSummary read(ResultSet rs) throws SQLException {
        Boolean triggered = nullableBoolean(rs, "handoff_triggered");
        Trace trace = new Trace(rs.getString("id"), rs.getString("agent_id"), rs.getString("session_id"),
                rs.getString("conversation_id"), rs.getString("user_id"), rs.getString("name"),
                rs.getString("input"), rs.getString("output"), status(rs.getString("status")),
                rs.getString("error"), instant(rs, "started_at"), instant(rs, "ended_at"),
                rs.getString("message_type"), JsonCodec.intents(rs.getString("intents")),
                nullableDouble(rs, "confidence"),
                triggered == null ? null
                        : new Handoff(triggered, rs.getString("handoff_reason"), rs.getString("handoff_target")),
                nullableInt(rs, "context_size"), rs.getString("config_version"), rs.getString("experiment_id"),
                rs.getString("variant_id"), JsonCodec.strings(rs.getString("tags")), rs.getString("metadata"));
        TraceRollup rollup = new TraceRollup(rs.getLong("span_count"), rs.getLong("input_tokens"),
                rs.getLong("output_tokens"), rs.getLong("cache_read_tokens"), rs.getLong("cache_write_tokens"),
                rs.getLong("reasoning_tokens"), SqlValues.money(rs, "cost_usd"));
        return new TraceSummary(trace, rollup);
    }

    static Status status(String wire) {
        return wire == null ? null : Status.fromWire(wire).orElse(Status.UNSET);
    }
}
