package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.LearningQuery;
import dev.sextant.store.LearningReader;
import dev.sextant.store.LearningStats;
import dev.sextant.store.LearningStats.Figures;
import dev.sextant.store.TrendResult.Bucket;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Learning events in SQL over the {@code learning} spans of the selected traces. Attributes:
 * {@code pattern} (text), {@code applied} (a JSON boolean), {@code outcome} (text, compared
 * case-insensitively with {@link #SUCCESS} and {@link #FAILURE}); confidence is the span's own,
 * else a numeric {@code confidence} attribute. Buckets are by the trace's start in UTC.
 */
final class JdbcLearningReader implements LearningReader {
    static final List<String> SUCCESS = List.of("success", "succeeded", "accepted", "positive", "true");
    static final List<String> FAILURE = List.of("failure", "failed", "rejected", "negative", "false");

    private final Database database;

    JdbcLearningReader(Database database) {
        this.database = database;
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }

    @Override
    public LearningStats learning(WorkspaceId workspace, LearningQuery query) {
        Dialect d = database.dialect();
        InteractionFilter filter = new InteractionFilter(d, workspace, query.filter());
        String events = "(SELECT s.attributes ->> 'pattern' AS pattern,"
                + " COALESCE(s.confidence, " + d.jsonNumber("s.attributes", "confidence") + ") AS conf,"
                + " " + d.jsonBoolean("s.attributes", "applied") + " AS applied,"
                + " LOWER(s.attributes ->> 'outcome') AS outcome, t.started_at AS ts"
                + " FROM spans s JOIN traces t ON s.workspace_id = t.workspace_id AND s.trace_id = t.id"
                + " WHERE " + filter.where() + " AND s.kind = 'learning') e";
        String figures = "COUNT(*) AS n, COUNT(conf) AS nc, AVG(conf) AS mc, COUNT(applied) AS na,"
                + " SUM(CASE WHEN applied THEN 1 ELSE 0 END) AS ap,"
                + " SUM(CASE WHEN applied AND outcome IN (" + quoted(SUCCESS) + ") THEN 1 ELSE 0 END) AS ok,"
                + " SUM(CASE WHEN applied AND outcome IN (" + quoted(FAILURE) + ") THEN 1 ELSE 0 END) AS bad,"
                + " MAX(ts) AS newest";
        String overall = "SELECT " + figures + " FROM " + events;
        String byPattern = "SELECT pattern, " + figures + " FROM " + events + " GROUP BY pattern"
                + " ORDER BY n DESC, " + d.byteOrder("pattern") + " NULLS LAST LIMIT " + query.patternLimit();
        String bucket = "date_trunc('" + query.interval().wire() + "', ts AT TIME ZONE 'UTC')";
        String buckets = "SELECT " + bucket + " AS b, AVG(conf) AS v, COUNT(conf) AS nc FROM " + events
                + " WHERE ts IS NOT NULL GROUP BY " + bucket;
        List<Instant> grid = JdbcTrendReader.grid(query.interval(), query.filter().from(), query.filter().to());
        return database.read("computing learning figures", c -> {
            Figures all;
            Instant newest;
            try (PreparedStatement s = SqlValues.prepare(c, filter.values(), overall);
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                all = figures(rs, null);
                newest = SqlValues.instant(rs, "newest");
            }
            List<Figures> patterns = new ArrayList<>();
            try (PreparedStatement s = SqlValues.prepare(c, filter.values(), byPattern);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    patterns.add(figures(rs, rs.getString("pattern")));
                }
            }
            Map<Instant, Bucket> found = new HashMap<>();
            try (PreparedStatement s = SqlValues.prepare(c, filter.values(), buckets);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant start = rs.getObject("b", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    if (!grid.contains(start)) {
                        throw new IllegalStateException("the database put a bucket at " + start + ", off the grid");
                    }
                    found.put(start, new Bucket(start, SqlValues.nullableDouble(rs, "v"), rs.getLong("nc")));
                }
            }
            List<Bucket> confidence = grid.stream().map(g -> found.getOrDefault(g, new Bucket(g, null, 0))).toList();
            return new LearningStats(all, patterns, confidence, newest);
        });
    }

    private static Figures figures(ResultSet rs, String pattern) throws SQLException {
        return new Figures(pattern, rs.getLong("n"), rs.getLong("nc"), SqlValues.nullableDouble(rs, "mc"),
                rs.getLong("na"), rs.getLong("ap"), rs.getLong("ok"), rs.getLong("bad"));
    }
}
