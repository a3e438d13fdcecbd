package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.InteractionStats;
import dev.sextant.store.InteractionStats.HistogramBucket;
import dev.sextant.store.InteractionStats.KeyCount;
import dev.sextant.store.InteractionStats.MessageTypeBreakdown;
import dev.sextant.store.InteractionStats.ModelBreakdown;
import dev.sextant.store.InteractionStats.Tokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every figure of {@link InteractionStats}, computed in SQL over the selected traces: one
 * aggregate row, then the grouped breakdowns. Each statement re-applies the same filter.
 */
final class InteractionStatsQuery {
    static final double HIGH_CONFIDENCE = 0.8;
    static final double LOW_CONFIDENCE = 0.5;
    private static final int BUCKETS = 10;

    private final Database database;

    InteractionStatsQuery(Database database) {
        this.database = database;
    }

    InteractionStats run(WorkspaceId workspace, InteractionQuery query) {
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, query);
        String selected = "SELECT * FROM traces t WHERE " + filter.where();
        return database.read("computing interaction stats", c -> {
            try (PreparedStatement totals = prepare(c, filter, "SELECT COUNT(*) AS n,"
                    + " SUM(CASE WHEN t.status = 'error' THEN 1 ELSE 0 END) AS errors,"
                    + " SUM(t.cost_usd) AS cost, AVG(t.confidence) AS avg_confidence,"
                    + " AVG(CAST(t.duration_ms AS FLOAT8)) AS avg_duration,"
                    + percentile(0.5, "p50") + percentile(0.95, "p95") + percentile(0.99, "p99")
                    + " SUM(CASE WHEN t.handoff_triggered THEN 1 ELSE 0 END) AS handoffs,"
                    + " SUM(CASE WHEN t.confidence >= " + HIGH_CONFIDENCE + " THEN 1 ELSE 0 END) AS high,"
                    + " SUM(CASE WHEN t.confidence < " + LOW_CONFIDENCE + " THEN 1 ELSE 0 END) AS low,"
                    + " SUM(t.input_tokens) AS input_tokens, SUM(t.output_tokens) AS output_tokens,"
                    + " SUM(t.cache_read_tokens) AS cache_read, SUM(t.cache_write_tokens) AS cache_write,"
                    + " SUM(t.reasoning_tokens) AS reasoning"
                    + " FROM traces t WHERE " + filter.where());
                    ResultSet rs = totals.executeQuery()) {
                rs.next();
                long n = rs.getLong("n");
                BigDecimal cost = zeroIfNull(rs.getBigDecimal("cost"));
                // read the whole row before the breakdowns run on the same connection
                Double avgConfidence = SqlValues.nullableDouble(rs, "avg_confidence");
                Double avgDuration = SqlValues.nullableDouble(rs, "avg_duration");
                Double p50 = SqlValues.nullableDouble(rs, "p50");
                Double p95 = SqlValues.nullableDouble(rs, "p95");
                Double p99 = SqlValues.nullableDouble(rs, "p99");
                long errors = rs.getLong("errors");
                long handoffs = rs.getLong("handoffs");
                long high = rs.getLong("high");
                long low = rs.getLong("low");
                Tokens tokens = new Tokens(rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                        rs.getLong("cache_read"), rs.getLong("cache_write"), rs.getLong("reasoning"));
                rs.close();
                return new InteractionStats(n, errors, cost,
                        n == 0 ? null : cost.divide(BigDecimal.valueOf(n), 9, RoundingMode.HALF_EVEN),
                        avgConfidence, avgDuration, p50, p95, p99, handoffs,
                        handoffReasons(c, filter, selected), high, low, histogram(c, filter, selected), tokens,
                        byModel(c, filter, selected), byMessageType(c, filter, selected));
            }
        });
    }

    private static String percentile(double fraction, String alias) {
        return " percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY CAST(t.duration_ms AS FLOAT8)) AS "
                + alias + ",";
    }

    /** Hand-offs without a reason count under "unspecified". */
    private static List<KeyCount> handoffReasons(Connection c, InteractionFilter f, String selected)
            throws SQLException {
        List<KeyCount> reasons = new ArrayList<>();
        try (PreparedStatement select = prepare(c, f, "SELECT COALESCE(x.handoff_reason, 'unspecified') AS reason,"
                + " COUNT(*) AS n FROM (" + selected + ") x WHERE x.handoff_triggered = TRUE"
                + " GROUP BY COALESCE(x.handoff_reason, 'unspecified') ORDER BY n DESC, reason");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                reasons.add(new KeyCount(rs.getString("reason"), rs.getLong("n")));
            }
        }
        return reasons;
    }

    /** Ten buckets of 0.1 over [0, 1]; 1.0 falls into the last. Empty buckets are listed too. */
    private static List<HistogramBucket> histogram(Connection c, InteractionFilter f, String selected)
            throws SQLException {
        long[] counts = new long[BUCKETS];
        try (PreparedStatement select = prepare(c, f, "SELECT b, COUNT(*) AS n FROM (SELECT LEAST(CAST(FLOOR(x.confidence * "
                + BUCKETS + ") AS INTEGER), " + (BUCKETS - 1) + ") AS b FROM (" + selected + ") x"
                + " WHERE x.confidence IS NOT NULL) h GROUP BY b");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                counts[rs.getInt("b")] = rs.getLong("n");
            }
        }
        List<HistogramBucket> buckets = new ArrayList<>(BUCKETS);
        for (int i = 0; i < BUCKETS; i++) {
            buckets.add(new HistogramBucket(i / (double) BUCKETS, (i + 1) / (double) BUCKETS, counts[i]));
        }
        return buckets;
    }

    private static List<ModelBreakdown> byModel(Connection c, InteractionFilter f, String selected)
            throws SQLException {
        List<ModelBreakdown> models = new ArrayList<>();
        // Unfiltered (the dashboard's default), the join to the traces is left out: every span
        // names a trace and the writer keeps a row (a placeholder if need be) for each, so the
        // workspace's spans are exactly the selected traces' spans. On 1M spans the join made
        // this statement 3-5 times slower than the rest of the stats together.
        String spans = f.workspaceOnly()
                ? "spans s WHERE s.workspace_id = ?"
                : "(" + selected + ") x JOIN spans s ON s.workspace_id = x.workspace_id AND s.trace_id = x.id WHERE TRUE";
        try (PreparedStatement select = prepare(c, f, "SELECT s.model, COUNT(*) AS calls,"
                + " SUM(s.input_tokens) AS input_tokens, SUM(s.output_tokens) AS output_tokens,"
                + " SUM(s.cost_usd) AS cost FROM " + spans
                + " AND s.kind = 'llm' AND s.model IS NOT NULL GROUP BY s.model ORDER BY calls DESC, s.model");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                models.add(new ModelBreakdown(rs.getString("model"), rs.getLong("calls"),
                        rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                        zeroIfNull(rs.getBigDecimal("cost"))));
            }
        }
        return models;
    }

    /** Interactions that did not say their message type are left out of this breakdown. */
    private static List<MessageTypeBreakdown> byMessageType(Connection c, InteractionFilter f, String selected)
            throws SQLException {
        List<MessageTypeBreakdown> types = new ArrayList<>();
        try (PreparedStatement select = prepare(c, f, "SELECT x.message_type, COUNT(*) AS n, SUM(x.cost_usd) AS cost"
                + " FROM (" + selected + ") x WHERE x.message_type IS NOT NULL"
                + " GROUP BY x.message_type ORDER BY n DESC, x.message_type");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                types.add(new MessageTypeBreakdown(rs.getString("message_type"), rs.getLong("n"),
                        zeroIfNull(rs.getBigDecimal("cost"))));
            }
        }
        return types;
    }

    private static PreparedStatement prepare(Connection c, InteractionFilter f, String sql) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        try {
            SqlValues.bind(statement, f.values());
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(9, RoundingMode.HALF_EVEN);
    }
}
