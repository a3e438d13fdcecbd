package dev.sextant.store.jdbc.internal;

import static dev.sextant.store.jdbc.internal.BehaviourSql.each;
import static dev.sextant.store.jdbc.internal.BehaviourSql.percentile;
import static dev.sextant.store.jdbc.internal.BehaviourSql.rate;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Feedback;
import dev.sextant.store.HandoffAnalytics;
import dev.sextant.store.InteractionQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-offs in SQL. {@code ho} holds the handed-off traces with their time to hand-off: to the
 * first hand-off span's start when there is one ({@link Dialect#millisBetween}), else the trace's
 * duration. The same conversation "continued" when a later trace of it exists in the workspace.
 */
final class HandoffBreakdownQuery {
    private final Database database;

    HandoffBreakdownQuery(Database database) {
        this.database = database;
    }

    private static String ctes(Dialect dialect, String where) {
        return "WITH sel AS (SELECT t.workspace_id, t.id, t.started_at, t.duration_ms, t.status,"
                + " COALESCE(t.handoff_triggered, FALSE) AS h, t.handoff_reason, t.handoff_target, t.conversation_id"
                + " FROM traces t WHERE " + where + "),"
                + " hs AS (SELECT s.trace_id, MIN(s.started_at) AS first_at FROM spans s JOIN sel"
                + " ON s.workspace_id = sel.workspace_id AND s.trace_id = sel.id"
                + " WHERE s.kind = 'handoff' AND s.started_at IS NOT NULL GROUP BY s.trace_id),"
                + " ho AS (SELECT sel.*, hs.first_at IS NOT NULL AS from_span, CASE WHEN hs.first_at IS NOT NULL THEN "
                + dialect.millisBetween("sel.started_at", "hs.first_at") + " ELSE sel.duration_ms END AS tth"
                + " FROM sel LEFT JOIN hs ON hs.trace_id = sel.id WHERE sel.h), " + BehaviourSql.feedbackCte();
    }

    HandoffAnalytics run(WorkspaceId workspace, InteractionQuery query) {
        Dialect dialect = database.dialect();
        InteractionFilter filter = new InteractionFilter(dialect, workspace, query);
        String with = ctes(dialect, filter.where());
        String totals = with + " SELECT COUNT(*) AS n, SUM(CASE WHEN sel.h THEN 1 ELSE 0 END) AS handoffs,"
                + " MAX(sel.started_at) AS newest, SUM(CASE WHEN NOT sel.h AND EXISTS (SELECT 1 FROM spans s"
                + " WHERE s.workspace_id = sel.workspace_id AND s.trace_id = sel.id AND s.kind = 'handoff'"
                + " AND (s.handoff_triggered IS NULL OR s.handoff_triggered)) THEN 1 ELSE 0 END) AS span_only FROM sel";
        String time = with + " SELECT COUNT(tth) AS measured,"
                + " SUM(CASE WHEN tth IS NOT NULL AND from_span THEN 1 ELSE 0 END) AS from_span, AVG(CAST(tth AS FLOAT8)) AS avg_ms,"
                + percentile(0.5, "tth", "p50") + "," + percentile(0.95, "tth", "p95") + " FROM ho";
        String outcomes = with + " SELECT sel.h AS side, COUNT(*) AS n,"
                + " SUM(CASE WHEN sel.status = 'error' THEN 1 ELSE 0 END) AS errors," + BehaviourSql.feedbackSums()
                + " FROM sel LEFT JOIN fb ON fb.trace_id = sel.id GROUP BY sel.h";
        String continued = with + " SELECT COUNT(*) AS n, SUM(CASE WHEN EXISTS (SELECT 1 FROM traces later"
                + " WHERE later.workspace_id = ho.workspace_id AND later.conversation_id = ho.conversation_id"
                + " AND later.started_at > ho.started_at) THEN 1 ELSE 0 END) AS continued"
                + " FROM ho WHERE ho.conversation_id IS NOT NULL";
        return database.read("analysing hand-offs", c -> {
            long[] totalsRow = new long[3];
            Instant[] newest = new Instant[1];
            each(c, totals, filter.values(), rs -> {
                totalsRow[0] = rs.getLong("n");
                totalsRow[1] = rs.getLong("handoffs");
                totalsRow[2] = rs.getLong("span_only");
                newest[0] = SqlValues.instant(rs, "newest");
            });
            long handoffs = totalsRow[1];
            HandoffAnalytics.TimeToHandoff[] tth = new HandoffAnalytics.TimeToHandoff[1];
            each(c, time, filter.values(), rs -> {
                long measured = rs.getLong("measured");
                long fromSpan = rs.getLong("from_span");
                tth[0] = new HandoffAnalytics.TimeToHandoff(measured, fromSpan, measured - fromSpan,
                        SqlValues.nullableDouble(rs, "avg_ms"), SqlValues.nullableDouble(rs, "p50"),
                        SqlValues.nullableDouble(rs, "p95"));
            });
            HandoffAnalytics.Outcome[] sides = {empty(), empty()};
            each(c, outcomes, filter.values(), rs -> {
                long n = rs.getLong("n");
                long errors = rs.getLong("errors");
                sides[rs.getBoolean("side") ? 0 : 1] = new HandoffAnalytics.Outcome(n, errors, rate(errors, n),
                        BehaviourSql.feedback(rs));
            });
            HandoffAnalytics.Continuation[] continuation = new HandoffAnalytics.Continuation[1];
            each(c, continued, filter.values(), rs -> {
                long n = rs.getLong("n");
                long yes = rs.getLong("continued");
                continuation[0] = new HandoffAnalytics.Continuation(n, yes, rate(yes, n));
            });
            return new HandoffAnalytics(totalsRow[0], handoffs, rate(handoffs, totalsRow[0]),
                    groups(c, with, "handoff_reason", handoffs, filter.values()),
                    groups(c, with, "handoff_target", handoffs, filter.values()), tth[0], sides[0], sides[1],
                    continuation[0], totalsRow[2], newest[0]);
        });
    }

    private static HandoffAnalytics.Outcome empty() {
        return new HandoffAnalytics.Outcome(0, 0, null, Feedback.NONE);
    }

    private List<HandoffAnalytics.Group> groups(Connection c, String with, String column, long handoffs,
            List<Object> values) throws SQLException {
        String sql = with + " SELECT " + column + " AS k, COUNT(*) AS n," + percentile(0.5, "tth", "p50")
                + " FROM ho GROUP BY " + column + " ORDER BY n DESC, " + database.dialect().byteOrder(column)
                + " NULLS LAST";
        List<HandoffAnalytics.Group> groups = new ArrayList<>();
        each(c, sql, values, rs -> {
            long n = rs.getLong("n");
            groups.add(new HandoffAnalytics.Group(rs.getString("k"), n, n / (double) handoffs,
                    SqlValues.nullableDouble(rs, "p50")));
        });
        return groups;
    }
}
