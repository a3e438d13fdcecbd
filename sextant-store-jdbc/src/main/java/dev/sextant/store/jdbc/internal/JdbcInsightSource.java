package dev.sextant.store.jdbc.internal;

import static dev.sextant.store.jdbc.internal.InsightRows.query;
import static dev.sextant.store.jdbc.internal.InsightRows.splitThen;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InsightPeriods;
import dev.sextant.store.InsightSource;
import dev.sextant.store.LatencyTail;
import dev.sextant.store.NewErrors;
import dev.sextant.store.RateChange;
import dev.sextant.store.RatingChange;
import dev.sextant.store.SideBySide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The insight aggregates in SQL that DuckDB and PostgreSQL both run unchanged. Every query reads
 * the traces of both periods once ({@link InsightPeriods#window()} through {@link InteractionFilter})
 * and marks each row current or baseline with {@code CASE WHEN t.started_at >= ?}.
 */
final class JdbcInsightSource implements InsightSource {
    /** At most this many new error patterns are returned, most frequent first. */
    static final int MAX_NEW_PATTERNS = 100;

    private final Database database;

    JdbcInsightSource(Database database) {
        this.database = database;
    }

    private InteractionFilter filter(WorkspaceId workspace, InsightPeriods periods) {
        return new InteractionFilter(database.dialect(), workspace, periods.window());
    }

    @Override
    public List<SideBySide> agentPeriods(WorkspaceId workspace, InsightPeriods periods) {
        InteractionFilter filter = filter(workspace, periods);
        String sql = SideBySideSql.aggregate(SideBySideSql.byPeriod(filter.where()));
        return database.read("comparing agents across periods", c -> SideBySideSql.pair(
                query(c, sql, splitThen(periods.currentFrom(), filter.values()), SideBySideSql::row),
                "current", "previous", false));
    }

    @Override
    public List<SideBySide> agentConversationPeriods(WorkspaceId workspace, InsightPeriods periods) {
        InteractionFilter filter = filter(workspace, periods);
        String sql = SideBySideSql.aggregate(SideBySideSql.byConversation(filter.where()));
        return database.read("comparing agents' conversations across periods", c -> SideBySideSql.pair(
                query(c, sql, splitThen(periods.currentFrom(), filter.values()), SideBySideSql::row),
                "current", "previous", false));
    }

    @Override
    public List<SideBySide> agentConfigVersions(WorkspaceId workspace, InsightPeriods periods) {
        InteractionFilter filter = filter(workspace, periods);
        String sql = SideBySideSql.aggregate(SideBySideSql.byConfigVersion(filter.where()));
        List<Object> values = new ArrayList<>(filter.values());
        values.addAll(filter.values());
        return database.read("comparing agents' config versions", c -> SideBySideSql.pair(
                query(c, sql, values, SideBySideSql::row), null, null, true));
    }

    @Override
    public List<RateChange> toolFailures(WorkspaceId workspace, InsightPeriods periods) {
        InteractionFilter filter = filter(workspace, periods);
        String sql = "SELECT k, SUM(cur) AS cur_n, SUM(CASE WHEN cur = 1 AND failed = 1 THEN 1 ELSE 0 END) AS cur_e,"
                + " SUM(1 - cur) AS base_n, SUM(CASE WHEN cur = 0 AND failed = 1 THEN 1 ELSE 0 END) AS base_e,"
                + " MAX(st) AS newest FROM (SELECT s.tool_name AS k, CASE WHEN t.started_at >= ? THEN 1 ELSE 0 END AS cur,"
                + " CASE WHEN s.status = 'error' THEN 1 ELSE 0 END AS failed, t.started_at AS st"
                + " FROM spans s JOIN traces t ON s.workspace_id = t.workspace_id AND s.trace_id = t.id"
                + " WHERE " + filter.where() + " AND s.tool_name IS NOT NULL) x GROUP BY k ORDER BY k";
        return database.read("comparing tool failures across periods", c -> query(c, sql,
                splitThen(periods.currentFrom(), filter.values()),
                rs -> new RateChange(rs.getString("k"), rs.getLong("cur_e"), rs.getLong("cur_n"), rs.getLong("base_e"),
                        rs.getLong("base_n"), SqlValues.instant(rs, "newest"))));
    }

    @Override
    public List<LatencyTail> latencyTails(WorkspaceId workspace, InsightPeriods periods, LatencyTail.By by) {
        InteractionFilter filter = filter(workspace, periods);
        String rows = switch (by) {
            case AGENT -> "SELECT t.agent_id AS k, CASE WHEN t.started_at >= ? THEN 1 ELSE 0 END AS cur,"
                    + " CAST(t.duration_ms AS FLOAT8) AS d, t.started_at AS st FROM traces t WHERE " + filter.where()
                    + " AND t.agent_id IS NOT NULL AND t.duration_ms IS NOT NULL";
            case MODEL -> "SELECT s.model AS k, CASE WHEN t.started_at >= ? THEN 1 ELSE 0 END AS cur,"
                    + " CAST(s.duration_ms AS FLOAT8) AS d, t.started_at AS st FROM spans s JOIN traces t"
                    + " ON s.workspace_id = t.workspace_id AND s.trace_id = t.id WHERE " + filter.where()
                    + " AND s.kind = 'llm' AND s.model IS NOT NULL AND s.duration_ms IS NOT NULL";
        };
        String pct = "percentile_cont(0.95) WITHIN GROUP (ORDER BY x.d)";
        String sql = "WITH x AS (" + rows + "), b AS (SELECT x.k, COUNT(*) AS n, " + pct + " AS p95 FROM x"
                + " WHERE x.cur = 0 GROUP BY x.k) SELECT x.k, MAX(b.n) AS base_n, MAX(b.p95) AS base_p95,"
                + " COUNT(*) AS cur_n, " + pct + " AS cur_p95,"
                + " SUM(CASE WHEN b.p95 IS NOT NULL AND x.d > b.p95 THEN 1 ELSE 0 END) AS over_n, MAX(x.st) AS newest"
                + " FROM x LEFT JOIN b ON b.k = x.k WHERE x.cur = 1 GROUP BY x.k ORDER BY x.k";
        return database.read("comparing latency tails across periods", c -> query(c, sql,
                splitThen(periods.currentFrom(), filter.values()),
                rs -> new LatencyTail(rs.getString("k"), rs.getLong("base_n"), SqlValues.nullableDouble(rs, "base_p95"),
                        rs.getLong("cur_n"), SqlValues.nullableDouble(rs, "cur_p95"), rs.getLong("over_n"),
                        SqlValues.instant(rs, "newest"))));
    }

    @Override
    public List<RatingChange> ratings(WorkspaceId workspace, InsightPeriods periods) {
        InteractionFilter filter = filter(workspace, periods);
        String sql = "SELECT k, cur, COUNT(*) AS n, AVG(v) AS mean, VAR_SAMP(v) AS var, MAX(st) AS newest FROM"
                + " (SELECT t.agent_id AS k, CASE WHEN t.started_at >= ? THEN 1 ELSE 0 END AS cur, sc.value AS v,"
                + " t.started_at AS st FROM traces t JOIN scores sc ON sc.workspace_id = t.workspace_id"
                + " AND sc.trace_id = t.id AND sc.name = 'user_rating' AND sc.value IS NOT NULL"
                + " WHERE " + filter.where() + " AND t.agent_id IS NOT NULL) x GROUP BY k, cur ORDER BY k, cur";
        record Row(String key, boolean current, long n, Double mean, Double var, Instant newest) {
        }
        return database.read("comparing ratings across periods", c -> {
            Map<String, Row[]> byKey = new TreeMap<>();
            for (Row r : query(c, sql, splitThen(periods.currentFrom(), filter.values()),
                    rs -> new Row(rs.getString("k"), rs.getInt("cur") == 1, rs.getLong("n"),
                            SqlValues.nullableDouble(rs, "mean"), SqlValues.nullableDouble(rs, "var"),
                            SqlValues.instant(rs, "newest")))) {
                byKey.computeIfAbsent(r.key(), k -> new Row[2])[r.current() ? 0 : 1] = r;
            }
            List<RatingChange> result = new ArrayList<>();
            byKey.forEach((key, pair) -> {
                Row cur = pair[0];
                Row base = pair[1];
                result.add(new RatingChange(key, cur == null ? 0 : cur.n(), cur == null ? null : cur.mean(),
                        cur == null ? null : cur.var(), base == null ? 0 : base.n(), base == null ? null : base.mean(),
                        base == null ? null : base.var(), cur != null ? cur.newest() : base.newest()));
            });
            return result;
        });
    }

    @Override
    public NewErrors newErrors(WorkspaceId workspace, InsightPeriods periods) {
        InteractionFilter filter = filter(workspace, periods);
        String noMessage = "'" + JdbcEffectivenessReader.NO_MESSAGE + "'";
        String sql = "SELECT source, kind, pattern, COUNT(*) AS n, MIN(seen_at) AS first_seen, MAX(seen_at) AS last_seen,"
                + " MIN(trace_id) AS example_trace, MIN(message) AS example FROM ("
                + "SELECT 'span' AS source, s.kind AS kind, " + JdbcEffectivenessReader.normalised("s.error") + " AS pattern,"
                + " CASE WHEN t.started_at >= ? THEN 1 ELSE 0 END AS cur, s.started_at AS seen_at, s.trace_id AS trace_id,"
                + " COALESCE(s.error, " + noMessage + ") AS message"
                + " FROM spans s JOIN traces t ON s.workspace_id = t.workspace_id AND s.trace_id = t.id"
                + " WHERE " + filter.where() + " AND s.status = 'error'"
                + " UNION ALL SELECT 'trace', NULL, " + JdbcEffectivenessReader.normalised("t.error") + ","
                + " CASE WHEN t.started_at >= ? THEN 1 ELSE 0 END, t.started_at, t.id, COALESCE(t.error, " + noMessage + ")"
                + " FROM traces t WHERE " + filter.where() + " AND t.status = 'error') e"
                + " GROUP BY source, kind, pattern HAVING SUM(1 - cur) = 0"
                + " ORDER BY n DESC, source, pattern, kind LIMIT " + MAX_NEW_PATTERNS;
        List<Object> values = splitThen(periods.currentFrom(), filter.values());
        values.addAll(splitThen(periods.currentFrom(), filter.values()));
        String volumes = "SELECT COALESCE(SUM(cur), 0) AS cur_n, COALESCE(SUM(1 - cur), 0) AS base_n FROM"
                + " (SELECT CASE WHEN t.started_at >= ? THEN 1 ELSE 0 END AS cur FROM traces t WHERE " + filter.where() + ") x";
        return database.read("finding new error patterns", c -> {
            List<NewErrors.Pattern> patterns = query(c, sql, values,
                    rs -> new NewErrors.Pattern(rs.getString("source"), rs.getString("kind"), rs.getString("pattern"),
                            rs.getLong("n"), SqlValues.instant(rs, "first_seen"), SqlValues.instant(rs, "last_seen"),
                            rs.getString("example_trace"), rs.getString("example")));
            long[] counts = query(c, volumes, splitThen(periods.currentFrom(), filter.values()),
                    rs -> new long[] {rs.getLong("cur_n"), rs.getLong("base_n")}).getFirst();
            return new NewErrors(patterns, counts[0], counts[1]);
        });
    }
}
