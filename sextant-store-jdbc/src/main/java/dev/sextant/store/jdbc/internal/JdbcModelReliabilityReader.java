package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.models.ModelReliabilityReader;
import dev.sextant.store.models.ReliabilityDay;
import dev.sextant.store.models.ReliabilityQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model id's production days in SQL both databases run unchanged. The traces are those the
 * interactions filter {@code model} selects (a span of the trace names the model), so this agrees
 * with {@code GET /api/v1/interactions?model=}. Traces, the model's calls and the traces' ratings
 * are aggregated by separate statements (a trace with several calls or ratings is still one
 * trace) and joined on the day here.
 */
final class JdbcModelReliabilityReader implements ModelReliabilityReader {
    private static final String DAY = "date_trunc('day', t.started_at AT TIME ZONE 'UTC')";

    private final Database database;

    JdbcModelReliabilityReader(Database database) {
        this.database = database;
    }

    private record Pair(long n, long m, Double mean) {}

    @Override
    public List<ReliabilityDay> daily(WorkspaceId workspace, ReliabilityQuery query) {
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, InteractionQuery.builder()
                .from(query.from()).to(query.to()).agentId(query.agentId()).model(query.modelId()).build());
        String where = " WHERE " + filter.where();
        String traces = "SELECT " + DAY + " AS d, COUNT(*) AS n, SUM(CASE WHEN t.status = 'error' THEN 1 ELSE 0 END) AS errors,"
                + " AVG(CAST(t.duration_ms AS FLOAT8)) AS avg_ms FROM traces t" + where + " GROUP BY " + DAY + " ORDER BY d";
        String calls = "SELECT " + DAY + " AS d, COUNT(*) AS n, SUM(CASE WHEN s.status = 'error' THEN 1 ELSE 0 END) AS m,"
                + " NULL AS mean FROM spans s JOIN traces t ON s.workspace_id = t.workspace_id AND s.trace_id = t.id"
                + where + " AND s.model = ? GROUP BY " + DAY;
        String ratings = "SELECT " + DAY + " AS d, COUNT(*) AS n, 0 AS m, AVG(sc.value) AS mean FROM scores sc"
                + " JOIN traces t ON t.workspace_id = sc.workspace_id AND t.id = sc.trace_id" + where
                + " AND sc.name = 'user_rating' AND sc.value IS NOT NULL GROUP BY " + DAY;
        List<Object> callValues = new ArrayList<>(filter.values());
        callValues.add(query.modelId());
        return database.read("reading the production days of model " + query.modelId(), c -> {
            Map<LocalDate, Pair> byCall = pairs(c, calls, callValues);
            Map<LocalDate, Pair> byRating = pairs(c, ratings, filter.values());
            List<ReliabilityDay> days = new ArrayList<>();
            try (PreparedStatement s = SqlValues.prepare(c, filter.values(), traces); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = day(rs);
                    long n = rs.getLong("n");
                    long errors = rs.getLong("errors");
                    Pair call = byCall.getOrDefault(day, new Pair(0, 0, null));
                    Pair rating = byRating.getOrDefault(day, new Pair(0, 0, null));
                    days.add(new ReliabilityDay(day, n, n - errors, errors, call.n(), call.m(),
                            SqlValues.nullableDouble(rs, "avg_ms"), rating.n(), rating.mean()));
                }
            }
            return days;
        });
    }

    private static Map<LocalDate, Pair> pairs(java.sql.Connection c, String sql, List<Object> values) throws SQLException {
        Map<LocalDate, Pair> found = new HashMap<>();
        try (PreparedStatement s = SqlValues.prepare(c, values, sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                found.put(day(rs), new Pair(rs.getLong("n"), rs.getLong("m"), SqlValues.nullableDouble(rs, "mean")));
            }
        }
        return found;
    }

    private static LocalDate day(ResultSet rs) throws SQLException {
        return rs.getObject("d", LocalDateTime.class).toLocalDate();
    }
}
