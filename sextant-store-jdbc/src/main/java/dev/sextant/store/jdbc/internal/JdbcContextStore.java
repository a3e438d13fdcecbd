package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.context.ContextItem;
import dev.sextant.store.context.ContextObservation;
import dev.sextant.store.context.ContextQuery;
import dev.sextant.store.context.ContextStore;
import dev.sextant.store.context.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Context items read per interaction: a page of traces by the keyset (trace id) joined in one
 * statement to their own items, their sessions' items and their {@code user_rating} scores,
 * streamed in trace id order (joins rather than IN lists of the page's ids, which DuckDB, with
 * no index on {@code context_items}, answered by scanning the table per id list). The same SQL
 * on DuckDB and PostgreSQL.
 */
final class JdbcContextStore implements ContextStore {
    static final String RATING = "user_rating";

    private final Database database;

    JdbcContextStore(Database database) {
        this.database = database;
    }

    private record Row(String id, String agentId, String sessionId, Instant startedAt, Outcome outcome) {}

    @Override
    public List<ContextObservation> observations(WorkspaceId workspace, ContextQuery query) {
        return database.read("reading interactions with their context", c -> {
            List<Object> bound = new ArrayList<>(window(workspace, query));
            String page = "SELECT t.id, t.agent_id, t.session_id, t.started_at, t.status, t.handoff_triggered,"
                    + " t.duration_ms, t.cost_usd FROM traces t WHERE " + WHERE;
            if (query.agentId() != null) {
                page += " AND t.agent_id = ?";
            }
            if (query.afterTraceId() != null) {
                page += " AND t.id > ?";
                bound.add(query.afterTraceId());
            }
            page += " ORDER BY t.id LIMIT " + query.limit();
            bound.addAll(List.of(workspace.value(), RATING, workspace.value(), workspace.value()));
            String columns = "p.id, p.agent_id, p.session_id, p.started_at, p.status, p.handoff_triggered,"
                    + " p.duration_ms, p.cost_usd, r.rating";
            String sql = "WITH page AS (" + page + "),"
                    + " rated AS (SELECT s.trace_id, AVG(s.value) AS rating FROM scores s JOIN page q ON s.trace_id = q.id"
                    + " WHERE s.workspace_id = ? AND s.name = ? AND s.value IS NOT NULL GROUP BY s.trace_id)"
                    + " SELECT " + columns + ", 0 AS src, ci.item_type, ci.value_text, ci.value_num"
                    + " FROM page p LEFT JOIN rated r ON r.trace_id = p.id"
                    + " LEFT JOIN context_items ci ON ci.workspace_id = ? AND ci.trace_id = p.id"
                    + " UNION ALL SELECT " + columns + ", 1 AS src, ci.item_type, ci.value_text, ci.value_num"
                    + " FROM page p LEFT JOIN rated r ON r.trace_id = p.id"
                    + " JOIN context_items ci ON ci.workspace_id = ? AND ci.session_id = p.session_id"
                    + " ORDER BY 1, 10";
            List<ContextObservation> observations = new ArrayList<>();
            try (PreparedStatement select = SqlValues.prepare(c, bound, sql); ResultSet rs = select.executeQuery()) {
                Row row = null;
                Double rating = null;
                List<ContextItem> own = new ArrayList<>();
                List<ContextItem> session = new ArrayList<>();
                while (rs.next()) {
                    String id = rs.getString(1); // by position on the per-item columns: no name lookup per row
                    if (row == null || !row.id().equals(id)) {
                        if (row != null) {
                            observations.add(observation(row, rating, own, session));
                            own = new ArrayList<>();
                            session = new ArrayList<>();
                        }
                        java.math.BigDecimal cost = rs.getBigDecimal("cost_usd");
                        Boolean handoff = SqlValues.nullableBoolean(rs, "handoff_triggered");
                        row = new Row(id, rs.getString("agent_id"), rs.getString("session_id"),
                                SqlValues.instant(rs, "started_at"), new Outcome(!"error".equals(rs.getString("status")),
                                        Boolean.TRUE.equals(handoff), SqlValues.nullableLong(rs, "duration_ms"),
                                        cost == null ? null : cost.doubleValue(), null));
                        rating = SqlValues.nullableDouble(rs, "rating");
                    }
                    String type = rs.getString(11);
                    if (type != null) {
                        String text = rs.getString(12);
                        double number = rs.getDouble(13);
                        ContextItem item = new ContextItem(type, text, rs.wasNull() ? null : number);
                        (rs.getInt(10) == 0 ? own : session).add(item);
                    }
                }
                if (row != null) {
                    observations.add(observation(row, rating, own, session));
                }
            }
            return observations;
        });
    }

    /** One interaction from its trace row, its rating and its own and session items as read. */
    private static ContextObservation observation(Row row, Double rating, List<ContextItem> own, List<ContextItem> session) {
        List<ContextItem> effective = effective(own, row.sessionId() == null ? List.of() : session);
        Map<String, List<String>> values = new TreeMap<>();
        Map<String, Double> numbers = new TreeMap<>();
        for (ContextItem item : effective) {
            if (item.numeric()) {
                numbers.put(item.type(), item.number());
            } else {
                values.computeIfAbsent(item.type(), k -> new ArrayList<>()).add(item.text());
            }
        }
        Map<String, List<String>> sorted = new TreeMap<>();
        values.forEach((type, v) -> sorted.put(type, List.copyOf(new TreeSet<>(v))));
        Outcome o = row.outcome();
        return new ContextObservation(row.id(), row.agentId(), row.startedAt(), sorted, numbers,
                new Outcome(o.success(), o.handoff(), o.durationMs(), o.costUsd(), rating));
    }

    private static final String WHERE = "t.workspace_id = ? AND t.started_at >= ? AND t.started_at < ?";

    private static List<Object> window(WorkspaceId workspace, ContextQuery query) {
        List<Object> bound = new ArrayList<>(List.of(workspace.value(), query.from(), query.to()));
        if (query.agentId() != null) {
            bound.add(query.agentId());
        }
        return bound;
    }

    @Override
    public long count(WorkspaceId workspace, ContextQuery query) {
        return database.read("counting interactions for the context export", c -> {
            String sql = "SELECT COUNT(*) FROM traces t WHERE " + WHERE + (query.agentId() != null ? " AND t.agent_id = ?" : "");
            try (PreparedStatement select = SqlValues.prepare(c, window(workspace, query), sql);
                    ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<ContextItem> items(WorkspaceId workspace, String traceId) {
        return database.read("reading the context of an interaction", c -> {
            String sessionId = null;
            boolean found = false;
            try (PreparedStatement select = SqlValues.prepare(c, List.of(workspace.value(), traceId),
                    "SELECT session_id FROM traces WHERE workspace_id = ? AND id = ?");
                    ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    found = true;
                    sessionId = rs.getString(1);
                }
            }
            if (!found) {
                return List.of();
            }
            List<ContextItem> own = items(c, workspace, "trace_id", List.of(traceId)).getOrDefault(traceId, List.of());
            List<ContextItem> session = sessionId == null ? List.of()
                    : items(c, workspace, "session_id", List.of(sessionId)).getOrDefault(sessionId, List.of());
            List<ContextItem> effective = new ArrayList<>(effective(own, session));
            effective.sort(Comparator.comparing(ContextItem::type).thenComparing(ContextItem::text));
            return List.copyOf(effective);
        });
    }

    /** The trace's items, then the session's items of the types the trace did not send. */
    private static List<ContextItem> effective(List<ContextItem> own, List<ContextItem> session) {
        if (session.isEmpty()) {
            return own;
        }
        Set<String> ownTypes = new java.util.HashSet<>();
        own.forEach(i -> ownTypes.add(i.type()));
        List<ContextItem> all = new ArrayList<>(own);
        for (ContextItem item : session) {
            if (!ownTypes.contains(item.type())) {
                all.add(item);
            }
        }
        return all;
    }

    private static Map<String, List<ContextItem>> items(Connection c, WorkspaceId workspace, String column,
            List<String> ids) throws SQLException {
        List<Object> bound = new ArrayList<>();
        bound.add(workspace.value());
        bound.addAll(ids);
        Map<String, List<ContextItem>> items = new HashMap<>();
        try (PreparedStatement select = SqlValues.prepare(c, bound, "SELECT " + column + " AS owner, item_type,"
                + " value_text, value_num FROM context_items WHERE workspace_id = ? AND " + column + " IN " + in(ids.size()));
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                items.computeIfAbsent(rs.getString("owner"), k -> new ArrayList<>()).add(new ContextItem(
                        rs.getString("item_type"), rs.getString("value_text"), SqlValues.nullableDouble(rs, "value_num")));
            }
        }
        return items;
    }

    private static String in(int count) {
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }
}
