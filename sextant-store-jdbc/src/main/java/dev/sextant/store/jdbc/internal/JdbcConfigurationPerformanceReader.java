package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConfigurationPerformance;
import dev.sextant.store.ConfigurationPerformance.Point;
import dev.sextant.store.ConfigurationPerformance.Version;
import dev.sextant.store.ConfigurationPerformanceQuery;
import dev.sextant.store.ConfigurationPerformanceReader;
import dev.sextant.store.InteractionQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per (agent, config version) figures in SQL both databases run unchanged ({@code stddev_samp},
 * {@code percentile_cont ... WITHIN GROUP}, {@code date_trunc}). Traces and their ratings are
 * aggregated by separate statements, so a trace with several ratings is still one execution;
 * the two are joined on the group key here.
 */
final class JdbcConfigurationPerformanceReader implements ConfigurationPerformanceReader {
    private static final String KEY = "t.agent_id, t.config_version";
    private static final String RATED = " FROM scores sc JOIN traces t ON t.workspace_id = sc.workspace_id"
            + " AND t.id = sc.trace_id";
    private static final String RATING_ONLY = " AND sc.name = 'user_rating' AND sc.value IS NOT NULL";

    private final Database database;

    JdbcConfigurationPerformanceReader(Database database) {
        this.database = database;
    }

    private record Key(String agentId, String version, Instant bucket) {}

    private record Ratings(long n, Double mean, Double sd, double sum) {
        static final Ratings NONE = new Ratings(0, null, null, 0);
    }

    @Override
    public ConfigurationPerformance versions(WorkspaceId workspace, ConfigurationPerformanceQuery query) {
        InteractionFilter filter = filter(workspace, query);
        String where = " WHERE " + filter.where();
        String versions = "SELECT " + KEY + ", COUNT(*) AS n,"
                + " SUM(CASE WHEN t.status = 'error' THEN 0 ELSE 1 END) AS successes,"
                + " COUNT(t.duration_ms) AS latency_n, AVG(CAST(t.duration_ms AS FLOAT8)) AS avg_ms,"
                + " percentile_cont(0.95) WITHIN GROUP (ORDER BY CAST(t.duration_ms AS FLOAT8)) AS p95_ms,"
                + " stddev_samp(CAST(t.duration_ms AS FLOAT8)) AS sd_ms, SUM(t.cost_usd) AS cost,"
                + " stddev_samp(CAST(t.cost_usd AS FLOAT8)) AS sd_cost,"
                + " SUM(CASE WHEN t.handoff_triggered = TRUE THEN 1 ELSE 0 END) AS handoffs,"
                + " MIN(t.started_at) AS first_seen, MAX(t.started_at) AS last_seen FROM traces t" + where
                + " GROUP BY " + KEY;
        String ratings = "SELECT " + KEY + ", COUNT(*) AS n, AVG(sc.value) AS mean, stddev_samp(sc.value) AS sd,"
                + " SUM(sc.value) AS total" + RATED + where + RATING_ONLY + " GROUP BY " + KEY;
        return database.read("computing configuration performance", c -> {
            Map<Key, Ratings> rated = new HashMap<>();
            try (PreparedStatement s = SqlValues.prepare(c, filter.values(), ratings); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rated.put(key(rs, null), new Ratings(rs.getLong("n"), SqlValues.nullableDouble(rs, "mean"),
                            SqlValues.nullableDouble(rs, "sd"), rs.getDouble("total")));
                }
            }
            List<Version> found = new ArrayList<>();
            Instant newest = null;
            try (PreparedStatement s = SqlValues.prepare(c, filter.values(), versions); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Key key = key(rs, null);
                    Ratings r = rated.getOrDefault(key, Ratings.NONE);
                    Instant last = SqlValues.instant(rs, "last_seen");
                    found.add(new Version(key.agentId(), key.version(), rs.getLong("n"), rs.getLong("successes"),
                            rs.getLong("latency_n"), SqlValues.nullableDouble(rs, "avg_ms"),
                            SqlValues.nullableDouble(rs, "p95_ms"), SqlValues.nullableDouble(rs, "sd_ms"), r.n(),
                            r.mean(), r.sd(), money(rs.getBigDecimal("cost")), SqlValues.nullableDouble(rs, "sd_cost"),
                            rs.getLong("handoffs"), SqlValues.instant(rs, "first_seen"), last));
                    newest = last == null || (newest != null && newest.isAfter(last)) ? newest : last;
                }
            }
            found.sort(Comparator.comparing(Version::agentId, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Version::configVersion));
            List<Point> series = new ArrayList<>();
            if (query.series() != null) {
                String bucket = "date_trunc('" + query.series().wire() + "', t.started_at AT TIME ZONE 'UTC')";
                String points = "SELECT " + KEY + ", " + bucket + " AS b, COUNT(*) AS n,"
                        + " SUM(CASE WHEN t.status = 'error' THEN 0 ELSE 1 END) AS successes,"
                        + " COUNT(t.duration_ms) AS latency_n, SUM(t.duration_ms) AS duration, SUM(t.cost_usd) AS cost"
                        + " FROM traces t" + where + " GROUP BY " + KEY + ", " + bucket;
                String pointRatings = "SELECT " + KEY + ", " + bucket + " AS b, COUNT(*) AS n, SUM(sc.value) AS total"
                        + RATED + where + RATING_ONLY + " GROUP BY " + KEY + ", " + bucket;
                Map<Key, Ratings> ratedPoints = new HashMap<>();
                try (PreparedStatement s = SqlValues.prepare(c, filter.values(), pointRatings);
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ratedPoints.put(key(rs, bucket(rs)), new Ratings(rs.getLong("n"), null, null, rs.getDouble("total")));
                    }
                }
                try (PreparedStatement s = SqlValues.prepare(c, filter.values(), points); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Key key = key(rs, bucket(rs));
                        Ratings r = ratedPoints.getOrDefault(key, Ratings.NONE);
                        series.add(new Point(key.agentId(), key.version(), key.bucket(), rs.getLong("n"),
                                rs.getLong("successes"), rs.getLong("latency_n"), rs.getLong("duration"),
                                money(rs.getBigDecimal("cost")), r.n(), r.sum()));
                    }
                }
                series.sort(Comparator.comparing(Point::agentId, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Point::configVersion).thenComparing(Point::bucket));
            }
            return new ConfigurationPerformance(found, series, newest);
        });
    }

    private InteractionFilter filter(WorkspaceId workspace, ConfigurationPerformanceQuery query) {
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, InteractionQuery.builder()
                .agentId(query.agentId()).from(query.from()).to(query.to()).build())
                .and("t.config_version IS NOT NULL");
        if (!query.versions().isEmpty()) {
            filter.and("t.config_version IN (" + String.join(", ", query.versions().stream().map(v -> "?").toList())
                    + ")", query.versions().toArray());
        }
        return filter;
    }

    private static Key key(ResultSet rs, Instant bucket) throws SQLException {
        return new Key(rs.getString("agent_id"), rs.getString("config_version"), bucket);
    }

    private static Instant bucket(ResultSet rs) throws SQLException {
        return rs.getObject("b", LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    private static BigDecimal money(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(9, RoundingMode.HALF_EVEN);
    }
}
