package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.FeedbackComment;
import dev.sextant.store.FeedbackQuery;
import dev.sextant.store.FeedbackReader;
import dev.sextant.store.FeedbackSummary;
import dev.sextant.store.FeedbackSummary.Bucket;
import dev.sextant.store.FeedbackSummary.Group;
import dev.sextant.store.FeedbackSummary.Thumbs;
import dev.sextant.store.FeedbackSummary.ValueCount;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feedback in SQL over {@code scores sc JOIN traces t}: the interaction filter selects the traces,
 * and every score of the query's name on them counts. Buckets are {@code date_trunc} of the
 * trace start in UTC, like the trends' {@code satisfaction}; every bucket of the range is listed.
 */
final class JdbcFeedbackReader implements FeedbackReader {
    /** At most this many groups are listed, the largest first. */
    static final int MAX_GROUPS = 200;
    private static final String SCORED = " FROM scores sc JOIN traces t"
            + " ON t.workspace_id = sc.workspace_id AND t.id = sc.trace_id";

    private final Database database;

    JdbcFeedbackReader(Database database) {
        this.database = database;
    }

    @Override
    public FeedbackSummary summary(WorkspaceId workspace, FeedbackQuery query) {
        Dialect dialect = database.dialect();
        InteractionFilter named = new InteractionFilter(dialect, workspace, query.filter())
                .and("sc.name = ?", query.scoreName());
        InteractionFilter thumbs = new InteractionFilter(dialect, workspace, query.filter())
                .and("sc.name = 'thumbs'");
        String totals = "SELECT COUNT(*) AS n, COUNT(sc.value) AS nv, AVG(sc.value) AS mean,"
                + " MAX(t.started_at) AS newest" + SCORED + " WHERE " + named.where();
        String distribution = "SELECT v, c, COUNT(*) AS n FROM (SELECT sc.value AS v,"
                + " CASE WHEN sc.value IS NULL THEN sc.string_value END AS c" + SCORED + " WHERE " + named.where()
                + " AND (sc.value IS NOT NULL OR sc.string_value IS NOT NULL)) d"
                + " GROUP BY v, c ORDER BY v NULLS LAST, " + dialect.byteOrder("c");
        String bucket = "date_trunc('" + query.interval().wire() + "', t.started_at AT TIME ZONE 'UTC')";
        String buckets = "SELECT " + bucket + " AS b, COUNT(*) AS n, AVG(sc.value) AS mean" + SCORED
                + " WHERE " + named.where() + " AND t.started_at IS NOT NULL GROUP BY " + bucket;
        String thumbsSql = "SELECT SUM(CASE WHEN sc.value = 1 THEN 1 ELSE 0 END) AS up,"
                + " SUM(CASE WHEN sc.value = 0 THEN 1 ELSE 0 END) AS down" + SCORED + " WHERE " + thumbs.where();
        GroupSql groups = query.groupBy() == null ? null : GroupSql.of(dialect, query, named, bucket);
        List<Instant> grid = JdbcTrendReader.grid(query.interval(), query.filter().from(), query.filter().to());
        return database.read("summarising " + query.scoreName() + " feedback", c -> {
            long n;
            long nv;
            Double mean;
            Instant newest;
            try (PreparedStatement s = SqlValues.prepare(c, named.values(), totals); ResultSet rs = s.executeQuery()) {
                rs.next();
                n = rs.getLong("n");
                nv = rs.getLong("nv");
                mean = SqlValues.nullableDouble(rs, "mean");
                newest = SqlValues.instant(rs, "newest");
            }
            List<ValueCount> values = new ArrayList<>();
            try (PreparedStatement s = SqlValues.prepare(c, named.values(), distribution);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(new ValueCount(SqlValues.nullableDouble(rs, "v"), rs.getString("c"), rs.getLong("n")));
                }
            }
            Map<Instant, Bucket> found = new HashMap<>();
            try (PreparedStatement s = SqlValues.prepare(c, named.values(), buckets); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant start = onGrid(grid, rs.getObject("b", LocalDateTime.class).toInstant(ZoneOffset.UTC));
                    found.put(start, new Bucket(start, rs.getLong("n"), SqlValues.nullableDouble(rs, "mean")));
                }
            }
            List<Bucket> filled = filled(grid, found);
            List<Group> grouped = new ArrayList<>();
            if (groups != null) {
                Map<String, Map<Instant, Bucket>> bucketsByKey = new HashMap<>();
                try (PreparedStatement s = SqlValues.prepare(c, groups.bucketsValues(), groups.buckets());
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Instant start = onGrid(grid, rs.getObject("b", LocalDateTime.class).toInstant(ZoneOffset.UTC));
                        bucketsByKey.computeIfAbsent(rs.getString("k"), k -> new HashMap<>())
                                .put(start, new Bucket(start, rs.getLong("n"), SqlValues.nullableDouble(rs, "mean")));
                    }
                }
                try (PreparedStatement s = SqlValues.prepare(c, groups.totalsValues(), groups.totals());
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString("k");
                        grouped.add(new Group(key, rs.getLong("n"), rs.getLong("nv"),
                                SqlValues.nullableDouble(rs, "mean"), filled(grid, bucketsByKey.getOrDefault(key, Map.of()))));
                    }
                }
            }
            Thumbs t;
            try (PreparedStatement s = SqlValues.prepare(c, thumbs.values(), thumbsSql);
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                t = new Thumbs(rs.getLong("up"), rs.getLong("down"));
            }
            return new FeedbackSummary(n, nv, mean, values, filled, grouped, t, newest);
        });
    }

    private static Instant onGrid(List<Instant> grid, Instant start) {
        if (!grid.contains(start)) {
            throw new IllegalStateException("the database put a bucket at " + start + ", off the grid");
        }
        return start;
    }

    private static List<Bucket> filled(List<Instant> grid, Map<Instant, Bucket> found) {
        return grid.stream().map(g -> found.getOrDefault(g, new Bucket(g, 0, null))).toList();
    }

    /**
     * The group reads: {@code totals} lists the groups with a key, the most scores first, ties by
     * key byte order; {@code buckets} has each group's buckets. The key and the bucket are
     * computed once in a subquery.
     */
    private record GroupSql(String totals, List<Object> totalsValues, String buckets, List<Object> bucketsValues) {
        static GroupSql of(Dialect dialect, FeedbackQuery query, InteractionFilter named, String bucket) {
            List<Object> values = new ArrayList<>();
            String from = SCORED;
            String key = switch (query.groupBy()) {
                case AGENT -> "t.agent_id";
                case MESSAGE_TYPE -> "t.message_type";
                case TAG -> {
                    from += " " + dialect.jsonArrayDistinctElements("t.tags", "gt", "tag");
                    yield "gt.tag";
                }
                case METADATA -> {
                    values.add(query.metadataKey());
                    yield "(t.metadata ->> CAST(? AS VARCHAR))";
                }
            };
            values.addAll(named.values());
            String keyed = "(SELECT " + key + " AS k, " + bucket + " AS b, sc.value AS v" + from + " WHERE "
                    + named.where() + ") g WHERE k IS NOT NULL";
            String totals = "SELECT k, COUNT(*) AS n, COUNT(v) AS nv, AVG(v) AS mean FROM " + keyed
                    + " GROUP BY k ORDER BY n DESC, " + dialect.byteOrder("k") + " LIMIT " + MAX_GROUPS;
            // buckets of the listed groups only: a key with many values must not fetch them all
            String buckets = "SELECT k, b, COUNT(*) AS n, AVG(v) AS mean FROM " + keyed
                    + " AND b IS NOT NULL AND k IN (SELECT k FROM (" + totals + ") listed) GROUP BY k, b";
            List<Object> twice = new ArrayList<>(values);
            twice.addAll(values);
            return new GroupSql(totals, values, buckets, twice);
        }
    }

    @Override
    public List<FeedbackComment> comments(WorkspaceId workspace, FeedbackQuery query, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
        InteractionFilter named = new InteractionFilter(database.dialect(), workspace, query.filter())
                .and("sc.name = ?", query.scoreName());
        String sql = "SELECT sc.trace_id, sc.value, sc.comment, sc.created_at" + SCORED + " WHERE " + named.where()
                + " AND sc.comment IS NOT NULL AND TRIM(sc.comment) <> ''"
                + " ORDER BY sc.created_at DESC NULLS LAST, " + database.dialect().byteOrder("sc.id") + " DESC LIMIT "
                + limit;
        return database.read("reading " + query.scoreName() + " comments", c -> {
            List<FeedbackComment> comments = new ArrayList<>();
            try (PreparedStatement s = SqlValues.prepare(c, named.values(), sql); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    comments.add(new FeedbackComment(rs.getString("trace_id"), SqlValues.nullableDouble(rs, "value"),
                            rs.getString("comment"), SqlValues.instant(rs, "created_at")));
                }
            }
            return comments;
        });
    }
}
