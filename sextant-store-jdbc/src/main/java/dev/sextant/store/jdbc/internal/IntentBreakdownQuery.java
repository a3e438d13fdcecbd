package dev.sextant.store.jdbc.internal;

import static dev.sextant.store.jdbc.internal.BehaviourSql.each;
import static dev.sextant.store.jdbc.internal.BehaviourSql.money;
import static dev.sextant.store.jdbc.internal.BehaviourSql.percentile;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.IntentAnalytics;
import dev.sextant.store.IntentQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Intents in SQL: the JSON intents list unnested (the dialects differ only there), the primary
 * intent picked with {@code ROW_NUMBER()} per trace (highest confidence, then name in byte order),
 * then one aggregate per intent and, for a series, per intent and {@code date_trunc} bucket.
 */
final class IntentBreakdownQuery {
    private final Database database;

    IntentBreakdownQuery(Database database) {
        this.database = database;
    }

    private static String ctes(Dialect dialect, String where) {
        String name = dialect.jsonObjectText("ie.el", "name");
        String confidence = "CAST(" + dialect.jsonObjectText("ie.el", "confidence") + " AS FLOAT8)";
        return "WITH sel AS (SELECT t.workspace_id, t.id, t.started_at, t.duration_ms, t.cost_usd, t.status,"
                + " t.handoff_triggered, t.intents FROM traces t WHERE " + where + "),"
                + " listed AS (SELECT sel.id, " + name + " AS intent, " + confidence + " AS ic FROM sel "
                + dialect.jsonArrayElements("sel.intents", "ie", "el") + "),"
                + " ranked AS (SELECT id, intent, ic, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ic DESC NULLS LAST, "
                + dialect.byteOrder("intent") + ") AS rk FROM listed WHERE intent IS NOT NULL),"
                + " prim AS (SELECT sel.id, sel.started_at, sel.duration_ms, sel.cost_usd, sel.status,"
                + " sel.handoff_triggered, r.intent, r.ic FROM sel JOIN ranked r ON r.id = sel.id AND r.rk = 1), "
                + BehaviourSql.feedbackCte();
    }

    IntentAnalytics run(WorkspaceId workspace, IntentQuery query) {
        Dialect dialect = database.dialect();
        InteractionFilter filter = new InteractionFilter(dialect, workspace, query.filter());
        String with = ctes(dialect, filter.where());
        String totals = with + " SELECT (SELECT COUNT(*) FROM sel) AS n, (SELECT COUNT(*) FROM prim) AS classified,"
                + " (SELECT MAX(started_at) FROM sel) AS newest";
        String groups = with + " SELECT p.intent, COUNT(*) AS n, SUM(p.cost_usd) AS cost,"
                + percentile(0.5, "p.duration_ms", "p50") + "," + percentile(0.95, "p.duration_ms", "p95") + ","
                + " AVG(p.ic) AS mean_ic, SUM(CASE WHEN p.handoff_triggered THEN 1 ELSE 0 END) AS handoffs,"
                + " SUM(CASE WHEN p.status = 'error' THEN 1 ELSE 0 END) AS errors," + BehaviourSql.feedbackSums()
                + " FROM prim p LEFT JOIN fb ON fb.trace_id = p.id GROUP BY p.intent ORDER BY n DESC, "
                + dialect.byteOrder("p.intent");
        String bucket = query.interval() == null ? null
                : "date_trunc('" + query.interval().wire() + "', p.started_at AT TIME ZONE 'UTC')";
        String series = bucket == null ? null : with + " SELECT p.intent, " + bucket + " AS b, COUNT(*) AS n,"
                + " SUM(CASE WHEN p.handoff_triggered THEN 1 ELSE 0 END) AS handoffs,"
                + " SUM(CASE WHEN p.status = 'error' THEN 1 ELSE 0 END) AS errors, SUM(p.cost_usd) AS cost"
                + " FROM prim p WHERE p.started_at IS NOT NULL GROUP BY p.intent, " + bucket;
        return database.read("grouping interactions by intent", c -> {
            long[] counts = new long[2];
            Instant[] newest = new Instant[1];
            each(c, totals, filter.values(), rs -> {
                counts[0] = rs.getLong("n");
                counts[1] = rs.getLong("classified");
                newest[0] = SqlValues.instant(rs, "newest");
            });
            Map<String, Map<Instant, IntentAnalytics.Bucket>> buckets = series == null ? Map.of()
                    : buckets(c, series, filter.values());
            List<IntentAnalytics.Group> intents = new ArrayList<>();
            each(c, groups, filter.values(), rs -> {
                String intent = rs.getString("intent");
                long n = rs.getLong("n");
                BigDecimal cost = money(rs.getBigDecimal("cost"));
                long handoffs = rs.getLong("handoffs");
                long errors = rs.getLong("errors");
                var feedback = BehaviourSql.feedback(rs);
                intents.add(new IntentAnalytics.Group(intent, n, n / (double) counts[1], cost,
                        cost.divide(BigDecimal.valueOf(n), 9, RoundingMode.HALF_EVEN),
                        SqlValues.nullableDouble(rs, "p50"), SqlValues.nullableDouble(rs, "p95"),
                        SqlValues.nullableDouble(rs, "mean_ic"), feedback.meanRating(), feedback.ratings(), handoffs,
                        handoffs / (double) n, errors, errors / (double) n,
                        series == null ? null : fill(query, buckets.getOrDefault(intent, Map.of()))));
            });
            return new IntentAnalytics(counts[0], counts[0] - counts[1], intents, newest[0]);
        });
    }

    private static Map<String, Map<Instant, IntentAnalytics.Bucket>> buckets(Connection c, String sql,
            List<Object> values) throws SQLException {
        Map<String, Map<Instant, IntentAnalytics.Bucket>> byIntent = new HashMap<>();
        each(c, sql, values, rs -> {
            Instant start = rs.getObject("b", LocalDateTime.class).toInstant(ZoneOffset.UTC);
            byIntent.computeIfAbsent(rs.getString("intent"), k -> new HashMap<>()).put(start,
                    new IntentAnalytics.Bucket(start, rs.getLong("n"), rs.getLong("handoffs"), rs.getLong("errors"),
                            money(rs.getBigDecimal("cost"))));
        });
        return byIntent;
    }

    /** Every bucket of the range, the empty ones with zeros; a bucket off the grid is a bug. */
    private static List<IntentAnalytics.Bucket> fill(IntentQuery query, Map<Instant, IntentAnalytics.Bucket> found) {
        List<Instant> grid = JdbcTrendReader.grid(query.interval(), query.filter().from(), query.filter().to());
        for (Instant start : found.keySet()) {
            if (!grid.contains(start)) {
                throw new IllegalStateException("the database put a bucket at " + start + ", off the "
                        + query.interval().wire() + " grid");
            }
        }
        List<IntentAnalytics.Bucket> filled = new ArrayList<>(grid.size());
        for (Instant start : grid) {
            IntentAnalytics.Bucket b = found.get(start);
            filled.add(b != null ? b : new IntentAnalytics.Bucket(start, 0, 0, 0, money(null)));
        }
        return filled;
    }
}
