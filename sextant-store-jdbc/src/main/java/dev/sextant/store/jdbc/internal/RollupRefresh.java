package dev.sextant.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Recomputes the roll-ups of the traces listed in stage_touched from their stored spans, in
 * one statement. Tokens and cost add up the LLM spans when the trace has an LLM span with
 * usage, otherwise every span: an agent span that repeats its children's usage is then not
 * counted twice. Also settles the start time: a placeholder trace starts at its earliest span,
 * and a trace that never said when it started gets its earliest span's start, or now (never
 * after its end). PostgreSQL writes and every price recalculation use it; DuckDB writes apply
 * deltas instead ({@link IncrementalTrackingWriter}).
 */
final class RollupRefresh {
    private static final List<String> SUMMED = List.of(
            "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens", "cost_usd");

    /** When nothing says when a trace started: now, but never after the end it was sent with. */
    static final String NOW_OR_END = "CASE WHEN t.ended_at < CAST(? AS TIMESTAMPTZ) THEN t.ended_at"
            + " ELSE CAST(? AS TIMESTAMPTZ) END";

    private final String sql;
    private final String lockTouched;

    RollupRefresh(Dialect dialect) {
        // PostgreSQL with several writers: lock the touched traces first (in key order), so the
        // roll-up statement that follows takes a fresh snapshot that includes every span another
        // transaction committed for them meanwhile. Otherwise, under READ COMMITTED, an UPDATE
        // that waited for the row lock would apply sums computed from its older snapshot.
        // DuckDB has one writer connection, so nothing can interleave.
        lockTouched = dialect == Dialect.POSTGRES
                ? "SELECT t.id FROM traces t WHERE EXISTS (SELECT 1 FROM stage_touched k"
                        + " WHERE k.workspace_id = t.workspace_id AND k.trace_id = t.id)"
                        + " ORDER BY t.workspace_id, " + dialect.byteOrder("t.id") + " FOR UPDATE"
                : null;
        StringBuilder inner = new StringBuilder("SELECT k.workspace_id, k.trace_id, COUNT(s.id) AS span_count,"
                + " MIN(s.started_at) AS first_start,"
                + " SUM(CASE WHEN s.kind = 'llm' AND s.input_tokens IS NOT NULL THEN 1 ELSE 0 END) AS llm_usage_spans");
        // both candidate sums are kept too (V3), for writers that apply per-span deltas
        StringBuilder sets = new StringBuilder("span_count = r.span_count, llm_usage_spans = r.llm_usage_spans");
        for (String column : SUMMED) {
            inner.append(", COALESCE(SUM(CASE WHEN s.kind = 'llm' THEN s.").append(column).append(" END), 0) AS llm_")
                    .append(column)
                    .append(", COALESCE(SUM(s.").append(column).append("), 0) AS all_").append(column);
            sets.append(", ").append(column).append(" = CASE WHEN r.llm_usage_spans > 0 THEN r.llm_").append(column)
                    .append(" ELSE r.all_").append(column).append(" END")
                    .append(", llm_").append(column).append(" = r.llm_").append(column)
                    .append(", all_").append(column).append(" = r.all_").append(column);
        }
        inner.append(" FROM (SELECT DISTINCT workspace_id, trace_id FROM stage_touched) k LEFT JOIN spans s"
                + " ON s.workspace_id = k.workspace_id AND s.trace_id = k.trace_id"
                + " GROUP BY k.workspace_id, k.trace_id");
        String start = "CASE WHEN t.placeholder AND r.first_start IS NOT NULL"
                + " AND (t.started_at IS NULL OR r.first_start < t.started_at) THEN r.first_start"
                + " ELSE COALESCE(t.started_at, r.first_start, " + NOW_OR_END + ") END";
        sets.append(", started_at = ").append(start)
                .append(", duration_ms = ").append(dialect.millisBetween(start, "t.ended_at"));
        sql = "UPDATE traces AS t SET " + sets + " FROM (" + inner + ") r"
                + " WHERE t.workspace_id = r.workspace_id AND t.id = r.trace_id";
    }

    void run(Connection connection, Instant now) throws SQLException {
        if (lockTouched != null) {
            try (PreparedStatement lock = connection.prepareStatement(lockTouched)) {
                lock.executeQuery().close();
            }
        }
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 1; i <= 4; i++) { // NOW_OR_END twice: in started_at and in duration_ms
                update.setObject(i, SqlValues.time(now));
            }
            update.executeUpdate();
        }
    }
}
