package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.PersonalizationQuery;
import dev.sextant.store.PersonalizationReader;
import dev.sextant.store.UserBehaviour;
import dev.sextant.store.UserWeek;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Personalization in SQL over {@code traces t} with a user, each joined to the sum and count of
 * its numeric {@code user_rating} scores (aggregated per trace first, so that several ratings never
 * count an interaction twice, and over the selected traces only). Weeks are {@code date_trunc('week')} of the start in UTC (Monday).
 */
final class JdbcPersonalizationReader implements PersonalizationReader {
    private static final String HOUR = "EXTRACT(HOUR FROM t.started_at AT TIME ZONE 'UTC')";

    private final Database database;

    JdbcPersonalizationReader(Database database) {
        this.database = database;
    }

    @Override
    public List<UserWeek> weeks(WorkspaceId workspace, PersonalizationQuery query) {
        Selection s = new Selection(database.dialect(), workspace, query);
        String week = "date_trunc('week', t.started_at AT TIME ZONE 'UTC')";
        String sql = "SELECT t.user_id AS u, t.agent_id AS a, " + week + " AS w, COUNT(*) AS n, SUM(r.rs) AS rs,"
                + " SUM(r.rn) AS rn" + s.from + " WHERE " + s.where + " GROUP BY t.user_id, t.agent_id, " + week
                + " ORDER BY " + database.dialect().byteOrder("t.user_id") + ", "
                + database.dialect().byteOrder("t.agent_id") + " NULLS LAST, w";
        return database.read("reading personalization weeks", c -> {
            List<UserWeek> weeks = new ArrayList<>();
            try (PreparedStatement st = SqlValues.prepare(c, s.values, sql); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long rated = rs.getLong("rn");
                    weeks.add(new UserWeek(rs.getString("u"), rs.getString("a"),
                            rs.getObject("w", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getLong("n"),
                            rated == 0 ? null : rs.getDouble("rs") / rated, rated));
                }
            }
            return weeks;
        });
    }

    @Override
    public List<UserBehaviour> behaviour(WorkspaceId workspace, PersonalizationQuery query) {
        Selection s = new Selection(database.dialect(), workspace, query);
        String sql = "SELECT t.user_id AS u, COUNT(*) AS n, AVG(LENGTH(t.input)) AS li, AVG(LENGTH(t.output)) AS lo,"
                + " SUM(r.rs) AS rs, SUM(r.rn) AS rn,"
                + " SUM(CASE WHEN " + HOUR + " < 6 THEN 1 ELSE 0 END) AS night,"
                + " SUM(CASE WHEN " + HOUR + " >= 6 AND " + HOUR + " < 12 THEN 1 ELSE 0 END) AS morning,"
                + " SUM(CASE WHEN " + HOUR + " >= 12 AND " + HOUR + " < 18 THEN 1 ELSE 0 END) AS afternoon,"
                + " SUM(CASE WHEN " + HOUR + " >= 18 THEN 1 ELSE 0 END) AS evening,"
                + " COUNT(DISTINCT t.agent_id) AS agents,"
                + " SUM(CASE WHEN t.handoff_triggered = TRUE THEN 1 ELSE 0 END) AS handoffs"
                + s.from + " WHERE " + s.where + " GROUP BY t.user_id ORDER BY " + database.dialect().byteOrder("t.user_id");
        String types = "SELECT t.user_id AS u, t.message_type AS m, COUNT(*) AS n FROM traces t WHERE "
                + s.filter.where() + " AND t.user_id IS NOT NULL GROUP BY t.user_id, t.message_type";
        return database.read("reading personalization behaviour", c -> {
            Map<String, Map<String, Long>> typesByUser = new HashMap<>();
            try (PreparedStatement st = SqlValues.prepare(c, s.filter.values(), types); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString("m");
                    typesByUser.computeIfAbsent(rs.getString("u"), u -> new HashMap<>())
                            .put(type == null ? UserBehaviour.NO_MESSAGE_TYPE : type, rs.getLong("n"));
                }
            }
            List<UserBehaviour> users = new ArrayList<>();
            try (PreparedStatement st = SqlValues.prepare(c, s.values, sql); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String user = rs.getString("u");
                    long rated = rs.getLong("rn");
                    users.add(new UserBehaviour(user, rs.getLong("n"), SqlValues.nullableDouble(rs, "li"),
                            SqlValues.nullableDouble(rs, "lo"), typesByUser.getOrDefault(user, Map.of()),
                            rated == 0 ? null : rs.getDouble("rs") / rated, rated, rs.getLong("night"),
                            rs.getLong("morning"), rs.getLong("afternoon"), rs.getLong("evening"),
                            rs.getLong("agents"), rs.getLong("handoffs")));
                }
            }
            return users;
        });
    }

    /**
     * The interactions of the query that have a user ({@code where}), each joined ({@code from}) to
     * the sum and count of its numeric ratings; the ratings are aggregated over the same selection
     * of traces, so the database reads the scores of those traces only (by {@code scores_by_trace}).
     */
    private static final class Selection {
        final InteractionFilter filter;
        final String from;
        final String where;
        final List<Object> values = new ArrayList<>();

        Selection(Dialect dialect, WorkspaceId workspace, PersonalizationQuery query) {
            filter = new InteractionFilter(dialect, workspace, query.interactions());
            where = filter.where() + " AND t.user_id IS NOT NULL";
            from = " FROM traces t LEFT JOIN (SELECT sc.trace_id, SUM(sc.value) AS rs, COUNT(sc.value) AS rn"
                    + " FROM scores sc JOIN traces t ON t.workspace_id = sc.workspace_id AND t.id = sc.trace_id"
                    + " WHERE " + where + " AND sc.name = 'user_rating' AND sc.value IS NOT NULL GROUP BY sc.trace_id) r"
                    + " ON r.trace_id = t.id";
            values.addAll(filter.values());
            values.addAll(filter.values());
        }
    }
}
