package dev.sextant.store.jdbc.internal;

import dev.sextant.store.SideBySide;
import dev.sextant.store.SideBySide.RankSum;
import dev.sextant.store.SideBySide.Side;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two sides of each agent's traces (current against previous period, or newest against previous
 * config version) in one query. Besides counts, cost and latency it ranks cost and duration over
 * both sides together with {@code RANK()} plus half the tie count (the average rank of a tie), so
 * that a Mann-Whitney test needs only the sums, never the rows. The tie term {@code sum(t^3 - t)}
 * is summed as {@code t^2 - 1} per row (a group of t tied rows gives t(t^2 - 1)).
 */
final class SideBySideSql {
    private SideBySideSql() {
    }

    /** The input rows of {@link #aggregate}: k, cur (1 current, 0 baseline), label and the trace columns. */
    static String byPeriod(String where) {
        return "SELECT t.agent_id AS k, CASE WHEN t.started_at >= ? THEN 1 ELSE 0 END AS cur, CAST(NULL AS VARCHAR) AS label,"
                + " t.started_at, t.status, t.handoff_triggered, t.cost_usd, t.duration_ms"
                + " FROM traces t WHERE " + where + " AND t.agent_id IS NOT NULL";
    }

    /** One row per conversation: its agent, the period of its first trace, its total cost; nothing else. */
    static String byConversation(String where) {
        return "SELECT k, cur, CAST(NULL AS VARCHAR) AS label, started_at, CAST(NULL AS VARCHAR) AS status,"
                + " CAST(NULL AS BOOLEAN) AS handoff_triggered, cost_usd, CAST(NULL AS BIGINT) AS duration_ms FROM"
                + " (SELECT t.agent_id AS k, CASE WHEN MIN(t.started_at) >= ? THEN 1 ELSE 0 END AS cur,"
                + " MAX(t.started_at) AS started_at, SUM(t.cost_usd) AS cost_usd FROM traces t WHERE " + where
                + " AND t.agent_id IS NOT NULL AND t.conversation_id IS NOT NULL GROUP BY t.agent_id, t.conversation_id) c";
    }

    /** Versions ordered by first appearance per agent; the newest is current, the one before it baseline. */
    static String byConfigVersion(String where) {
        return "SELECT w0.k, CASE WHEN vs.vr = 1 THEN 1 ELSE 0 END AS cur, w0.v AS label, w0.started_at, w0.status,"
                + " w0.handoff_triggered, w0.cost_usd, w0.duration_ms FROM (SELECT t.agent_id AS k, t.config_version AS v,"
                + " t.started_at, t.status, t.handoff_triggered, t.cost_usd, t.duration_ms FROM traces t WHERE " + where
                + " AND t.agent_id IS NOT NULL AND t.config_version IS NOT NULL) w0 JOIN (SELECT t.agent_id AS k,"
                + " t.config_version AS v, ROW_NUMBER() OVER (PARTITION BY t.agent_id ORDER BY MIN(t.started_at) DESC,"
                + " t.config_version DESC) AS vr FROM traces t WHERE " + where
                + " AND t.agent_id IS NOT NULL AND t.config_version IS NOT NULL GROUP BY t.agent_id, t.config_version) vs"
                + " ON vs.k = w0.k AND vs.v = w0.v WHERE vs.vr <= 2";
    }

    static String aggregate(String rows) {
        String ranked = "SELECT w.*,"
                + " RANK() OVER (PARTITION BY k ORDER BY cost_usd) + 0.5 * (COUNT(*) OVER (PARTITION BY k, cost_usd) - 1)"
                + " AS cost_rank, COUNT(*) OVER (PARTITION BY k, cost_usd) AS cost_ties,"
                + " CASE WHEN duration_ms IS NULL THEN NULL ELSE RANK() OVER (PARTITION BY k, duration_ms IS NULL"
                + " ORDER BY duration_ms) + 0.5 * (COUNT(*) OVER (PARTITION BY k, duration_ms) - 1) END AS lat_rank,"
                + " CASE WHEN duration_ms IS NULL THEN NULL ELSE COUNT(*) OVER (PARTITION BY k, duration_ms) END AS lat_ties"
                + " FROM (" + rows + ") w";
        return "SELECT k, cur, MIN(label) AS label, COUNT(*) AS n,"
                + " SUM(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS errors,"
                + " SUM(CASE WHEN handoff_triggered THEN 1 ELSE 0 END) AS handoffs, SUM(cost_usd) AS cost,"
                + " COUNT(duration_ms) AS lat_n, AVG(CAST(duration_ms AS FLOAT8)) AS lat_avg,"
                + " percentile_cont(0.95) WITHIN GROUP (ORDER BY CAST(duration_ms AS FLOAT8)) AS lat_p95,"
                + " CAST(SUM(cost_rank) AS FLOAT8) AS cost_ranks, CAST(SUM(cost_ties * cost_ties - 1) AS FLOAT8) AS cost_tie,"
                + " CAST(SUM(lat_rank) AS FLOAT8) AS lat_ranks, CAST(SUM(lat_ties * lat_ties - 1) AS FLOAT8) AS lat_tie,"
                + " MAX(started_at) AS newest FROM (" + ranked + ") r GROUP BY k, cur ORDER BY k, cur";
    }

    record SideRow(String key, boolean current, String label, Side side, double costRanks, double costTie,
            double latRanks, double latTie, Instant newest) {
    }

    static SideRow row(ResultSet rs) throws SQLException {
        BigDecimal cost = rs.getBigDecimal("cost");
        Side side = new Side(rs.getLong("n"), rs.getLong("errors"), rs.getLong("handoffs"),
                cost == null ? BigDecimal.ZERO : cost, rs.getLong("lat_n"), SqlValues.nullableDouble(rs, "lat_avg"),
                SqlValues.nullableDouble(rs, "lat_p95"));
        return new SideRow(rs.getString("k"), rs.getInt("cur") == 1, rs.getString("label"), side,
                rs.getDouble("cost_ranks"), rs.getDouble("cost_tie"), rs.getDouble("lat_ranks"), rs.getDouble("lat_tie"),
                SqlValues.instant(rs, "newest"));
    }

    /**
     * Pairs the rows of each key. With {@code bothRequired} a key with one side only is dropped
     * (an agent with a single config version has nothing to compare).
     */
    static List<SideBySide> pair(List<SideRow> rows, String currentLabel, String baselineLabel, boolean bothRequired) {
        Map<String, SideRow[]> byKey = new TreeMap<>();
        for (SideRow r : rows) {
            byKey.computeIfAbsent(r.key(), k -> new SideRow[2])[r.current() ? 0 : 1] = r;
        }
        List<SideBySide> result = new ArrayList<>();
        for (Map.Entry<String, SideRow[]> e : byKey.entrySet()) {
            SideRow cur = e.getValue()[0];
            SideRow base = e.getValue()[1];
            if (bothRequired && (cur == null || base == null)) {
                continue;
            }
            Side c = cur == null ? Side.EMPTY : cur.side();
            Side b = base == null ? Side.EMPTY : base.side();
            double costTie = (cur == null ? 0 : cur.costTie()) + (base == null ? 0 : base.costTie());
            double latTie = (cur == null ? 0 : cur.latTie()) + (base == null ? 0 : base.latTie());
            Instant newest = cur == null ? base.newest() : base == null || cur.newest().isAfter(base.newest())
                    ? cur.newest() : base.newest();
            result.add(new SideBySide(e.getKey(),
                    currentLabel != null ? currentLabel : cur == null ? null : cur.label(),
                    baselineLabel != null ? baselineLabel : base == null ? null : base.label(), c, b,
                    new RankSum(cur == null ? 0 : cur.costRanks(), c.traces(), b.traces(), costTie),
                    new RankSum(cur == null ? 0 : cur.latRanks(), c.latencySamples(), b.latencySamples(), latTie),
                    newest));
        }
        return result;
    }
}
