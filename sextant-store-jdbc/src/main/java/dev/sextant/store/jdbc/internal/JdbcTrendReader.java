package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.TrendQuery;
import dev.sextant.store.TrendQuery.GroupBy;
import dev.sextant.store.TrendQuery.Interval;
import dev.sextant.store.TrendQuery.Metric;
import dev.sextant.store.TrendReader;
import dev.sextant.store.TrendResult;
import dev.sextant.store.TrendResult.Bucket;
import dev.sextant.store.TrendResult.Series;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trends in SQL: {@code date_trunc} of the trace start in UTC ({@code AT TIME ZONE 'UTC'} gives a
 * plain timestamp on both DuckDB and PostgreSQL), grouped by bucket and key, one aggregate per
 * metric. The bucket grid (every bucket from {@code from} to {@code to}) is laid out here, and each
 * bucket the database returned must fall on it. Interactions whose group key is null (no agent,
 * no message type, ...) are left out of grouped reads.
 */
final class JdbcTrendReader implements TrendReader {
    private final Database database;

    JdbcTrendReader(Database database) {
        this.database = database;
    }

    @Override
    public TrendResult trends(WorkspaceId workspace, TrendQuery query) {
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, query.filter());
        String sql = sql(database.dialect(), query, filter.where());
        List<Instant> grid = grid(query.interval(), query.filter().from(), query.filter().to());
        return database.read("computing the " + query.metric().wire() + " trend", c -> {
            Map<String, Map<Instant, Bucket>> byKey = new TreeMap<>();
            Instant newest = null;
            try (PreparedStatement select = c.prepareStatement(sql)) {
                SqlValues.bind(select, filter.values());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Instant start = rs.getObject("b", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                        String key = query.groupBy() == null ? "" : rs.getString("k");
                        Bucket bucket = new Bucket(start, SqlValues.nullableDouble(rs, "v"), rs.getLong("n"));
                        byKey.computeIfAbsent(key, k -> new HashMap<>()).put(start, bucket);
                        Instant last = SqlValues.instant(rs, "newest");
                        if (last != null && (newest == null || last.isAfter(newest))) {
                            newest = last;
                        }
                    }
                }
            }
            if (query.groupBy() == null) {
                byKey.putIfAbsent("", Map.of());
            }
            List<Series> series = new ArrayList<>();
            for (Map.Entry<String, Map<Instant, Bucket>> e : byKey.entrySet()) {
                series.add(new Series(query.groupBy() == null ? null : e.getKey(), fill(query, grid, e.getValue())));
            }
            return new TrendResult(series, newest);
        });
    }

    private static List<Bucket> fill(TrendQuery query, List<Instant> grid, Map<Instant, Bucket> found) {
        for (Instant start : found.keySet()) {
            if (!grid.contains(start)) {
                throw new IllegalStateException("the database put a bucket at " + start
                        + ", off the " + query.interval().wire() + " grid " + grid.getFirst() + " .. " + grid.getLast());
            }
        }
        Double empty = switch (query.metric()) {
            case INTERACTIONS, COST, TOKENS -> 0.0;
            default -> null;
        };
        List<Bucket> buckets = new ArrayList<>(grid.size());
        for (Instant start : grid) {
            Bucket b = found.get(start);
            buckets.add(b != null ? b : new Bucket(start, empty, 0));
        }
        return buckets;
    }

    /** Every bucket start from the one holding {@code from} up to, not including, {@code to}. */
    static List<Instant> grid(Interval interval, Instant from, Instant to) {
        ZonedDateTime s = from.atZone(ZoneOffset.UTC);
        ZonedDateTime cursor = switch (interval) {
            case HOUR -> s.truncatedTo(ChronoUnit.HOURS);
            case DAY -> s.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> s.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> s.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        };
        List<Instant> grid = new ArrayList<>();
        while (cursor.toInstant().isBefore(to)) {
            grid.add(cursor.toInstant());
            cursor = switch (interval) {
                case HOUR -> cursor.plusHours(1);
                case DAY -> cursor.plusDays(1);
                case WEEK -> cursor.plusWeeks(1);
                case MONTH -> cursor.plusMonths(1);
            };
        }
        return grid;
    }

    static String sql(Dialect dialect, TrendQuery q, String where) {
        String bucket = "date_trunc('" + q.interval().wire() + "', t.started_at AT TIME ZONE 'UTC')";
        String key = q.groupBy() == null ? "''" : keyColumn(q.groupBy());
        String from = "traces t";
        if (q.groupBy() == GroupBy.MODEL) {
            from += " JOIN (SELECT DISTINCT workspace_id, trace_id, model FROM spans WHERE model IS NOT NULL) gm"
                    + " ON gm.workspace_id = t.workspace_id AND gm.trace_id = t.id";
        } else if (q.groupBy() == GroupBy.TOOL) {
            from += " JOIN (SELECT DISTINCT workspace_id, trace_id, tool_name FROM spans WHERE tool_name IS NOT NULL) gtl"
                    + " ON gtl.workspace_id = t.workspace_id AND gtl.trace_id = t.id";
        } else if (q.groupBy() == GroupBy.INTENT) {
            from += " CROSS JOIN LATERAL (SELECT " + dialect.topIntentName("t.intents") + " AS intent) gi";
        } else if (q.groupBy() == GroupBy.TAG) {
            // a trace counts once under each tag it carries (the dialects' JSON unnesting differs)
            from += " " + dialect.jsonArrayDistinctElements("t.tags", "gt", "tag");
        }
        String aggregate = aggregate(q.metric());
        from += scoreJoin(q.metric());
        String grouped = q.groupBy() == null ? "" : " AND " + key + " IS NOT NULL";
        return "SELECT " + bucket + " AS b, " + key + " AS k, " + aggregate + ", MAX(t.started_at) AS newest"
                + " FROM " + from + " WHERE " + where + " AND t.started_at IS NOT NULL" + grouped
                + " GROUP BY " + bucket + (q.groupBy() == null ? "" : ", " + key);
    }

    /** The metric's value {@code v} and sample count {@code n} over {@code traces t} (and {@code scores sc}). */
    static String aggregate(Metric metric) {
        return switch (metric) {
            case INTERACTIONS -> "CAST(COUNT(*) AS FLOAT8) AS v, COUNT(*) AS n";
            case COST -> "CAST(SUM(t.cost_usd) AS FLOAT8) AS v, COUNT(*) AS n";
            case TOKENS -> "CAST(SUM(t.input_tokens + t.output_tokens) AS FLOAT8) AS v, COUNT(*) AS n";
            case LATENCY_P50 -> latency(0.5);
            case LATENCY_P95 -> latency(0.95);
            case LATENCY_P99 -> latency(0.99);
            case ERROR_RATE -> "AVG(CASE WHEN t.status = 'error' THEN 1.0 ELSE 0.0 END) AS v, COUNT(*) AS n";
            case HANDOFF_RATE -> "AVG(CASE WHEN t.handoff_triggered THEN 1.0 ELSE 0.0 END) AS v, COUNT(*) AS n";
            case AVG_CONFIDENCE -> "AVG(t.confidence) AS v, COUNT(t.confidence) AS n";
            case SATISFACTION -> "AVG(sc.value) AS v, COUNT(sc.value) AS n";
            case ACCEPTANCE_RATE -> "AVG(CASE WHEN sc.value = 1 THEN 1.0 ELSE 0.0 END) AS v, COUNT(sc.value) AS n";
        };
    }

    /** The join of the scores a score metric is computed from (empty for the others). */
    static String scoreJoin(Metric metric) {
        String scoreName = switch (metric) {
            case SATISFACTION -> "user_rating";
            case ACCEPTANCE_RATE -> "accepted";
            default -> null;
        };
        // a score counts in the bucket of the interaction it scores
        return scoreName == null ? "" : " JOIN scores sc ON sc.workspace_id = t.workspace_id AND sc.trace_id = t.id"
                + " AND sc.name = '" + scoreName + "' AND sc.value IS NOT NULL";
    }

    private static String keyColumn(GroupBy groupBy) {
        return switch (groupBy) {
            case TOOL -> "gtl.tool_name";
            case INTENT -> "gi.intent";
            case AGENT -> "t.agent_id";
            case MODEL -> "gm.model";
            case MESSAGE_TYPE -> "t.message_type";
            case CONFIG_VERSION -> "t.config_version";
            case TAG -> "gt.tag";
        };
    }

    private static String latency(double fraction) {
        return "percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY CAST(t.duration_ms AS FLOAT8)) AS v,"
                + " COUNT(t.duration_ms) AS n";
    }
}
