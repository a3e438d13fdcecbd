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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Context items read per interaction: a page of traces by the keyset (trace id), then their
 * own items, their sessions' items and their {@code user_rating} scores, one statement each,
 * named by the page's ids. The same SQL on DuckDB and PostgreSQL.
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
            String sql = "SELECT t.id, t.agent_id, t.session_id, t.started_at, t.status, t.handoff_triggered,"
                    + " t.duration_ms, t.cost_usd FROM traces t WHERE " + WHERE;
            if (query.agentId() != null) {
                sql += " AND t.agent_id = ?";
            }
            if (query.afterTraceId() != null) {
                sql += " AND t.id > ?";
                bound.add(query.afterTraceId());
            }
            sql += " ORDER BY t.id LIMIT " + query.limit();
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = SqlValues.prepare(c, bound, sql); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    java.math.BigDecimal cost = rs.getBigDecimal("cost_usd");
                    Boolean handoff = SqlValues.nullableBoolean(rs, "handoff_triggered");
                    rows.add(new Row(rs.getString("id"), rs.getString("agent_id"), rs.getString("session_id"),
                            SqlValues.instant(rs, "started_at"), new Outcome(!"error".equals(rs.getString("status")),
                                    Boolean.TRUE.equals(handoff), SqlValues.nullableLong(rs, "duration_ms"),
                                    cost == null ? null : cost.doubleValue(), null)));
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            List<String> traceIds = rows.stream().map(Row::id).toList();
            Set<String> sessionIds = new LinkedHashSet<>();
            rows.stream().map(Row::sessionId).filter(s -> s != null).forEach(sessionIds::add);
            Map<String, List<ContextItem>> traceItems = items(c, workspace, "trace_id", traceIds);
            Map<String, List<ContextItem>> sessionItems = sessionIds.isEmpty() ? Map.of()
                    : items(c, workspace, "session_id", new ArrayList<>(sessionIds));
            Map<String, Double> ratings = ratings(c, workspace, traceIds);
            List<ContextObservation> page = new ArrayList<>(rows.size());
            for (Row row : rows) {
                List<ContextItem> effective = effective(traceItems.getOrDefault(row.id(), List.of()),
                        row.sessionId() == null ? List.of() : sessionItems.getOrDefault(row.sessionId(), List.of()));
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
                page.add(new ContextObservation(row.id(), row.agentId(), row.startedAt(), sorted, numbers,
                        new Outcome(o.success(), o.handoff(), o.durationMs(), o.costUsd(), ratings.get(row.id()))));
            }
            return page;
        });
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

    private static Map<String, Double> ratings(Connection c, WorkspaceId workspace, List<String> traceIds)
            throws SQLException {
        List<Object> bound = new ArrayList<>();
        bound.add(workspace.value());
        bound.addAll(traceIds);
        bound.add(RATING);
        Map<String, Double> ratings = new HashMap<>();
        try (PreparedStatement select = SqlValues.prepare(c, bound, "SELECT trace_id, AVG(value) AS rating FROM scores"
                + " WHERE workspace_id = ? AND trace_id IN " + in(traceIds.size()) + " AND name = ? AND value IS NOT NULL"
                + " GROUP BY trace_id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ratings.put(rs.getString("trace_id"), SqlValues.nullableDouble(rs, "rating"));
            }
        }
        return ratings;
    }

    private static String in(int count) {
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }
}
