package dev.sextant.store.jdbc.internal;

import static dev.sextant.store.jdbc.internal.SqlValues.instant;

import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.PageRequest;
import dev.sextant.store.SessionDetail;
import dev.sextant.store.SessionPage;
import dev.sextant.store.SessionQuery;
import dev.sextant.store.SessionReader;
import dev.sextant.store.SessionSummary;
import dev.sextant.store.SessionTotals;
import dev.sextant.store.TraceSummary;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists and opens working sessions. The list reads one page of the {@code sessions} table, then
 * the totals of just those sessions in three grouped queries (traces, their tool and code
 * generation spans, their {@code user_rating} scores), so a page costs the same however many
 * sessions the workspace holds.
 */
final class JdbcSessionReader implements SessionReader {
    private static final String COLUMNS = "s.id, s.user_id, s.agent_id, CAST(s.context AS VARCHAR) AS context,"
            + " s.started_at, s.ended_at";
    private static final String RATING = "user_rating";

    private final Database database;

    JdbcSessionReader(Database database) {
        this.database = database;
    }

    @Override
    public SessionPage list(WorkspaceId workspace, SessionQuery query, PageRequest page) {
        Dialect d = database.dialect();
        String id = d.byteOrder("s.id");
        StringBuilder where = new StringBuilder("s.workspace_id = ?");
        List<Object> values = new ArrayList<>(List.of(workspace.value()));
        add(where, values, "s.started_at >= ?", query.from());
        add(where, values, "s.started_at < ?", query.to());
        add(where, values, "s.agent_id = ?", query.agentId());
        add(where, values, "s.user_id = ?", query.userId());
        if (query.open() != null) {
            where.append(query.open() ? " AND s.ended_at IS NULL" : " AND s.ended_at IS NOT NULL");
        }
        long offset = 0;
        if (page.cursor() != null) {
            SessionCursor after = SessionCursor.decode(page.cursor());
            if (after.startedAt() == null) {
                add(where, values, "s.started_at IS NULL AND " + id + " < ?", after.id());
            } else {
                Object start = SqlValues.time(after.startedAt());
                where.append(" AND (s.started_at < ? OR (s.started_at = ? AND " + id + " < ?) OR s.started_at IS NULL)");
                values.addAll(List.of(start, start, after.id()));
            }
        } else {
            offset = (long) (page.page() - 1) * page.pageSize();
        }
        String sql = "SELECT " + COLUMNS + " FROM sessions s WHERE " + where
                + " ORDER BY s.started_at DESC NULLS LAST, " + id + " DESC LIMIT " + (page.pageSize() + 1)
                + " OFFSET " + offset;
        return database.read("listing sessions", c -> {
            List<Session> sessions = new ArrayList<>();
            try (PreparedStatement select = SqlValues.prepare(c, values, sql); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sessions.add(session(rs));
                }
            }
            String next = null;
            if (sessions.size() > page.pageSize()) {
                sessions = sessions.subList(0, page.pageSize());
                Session last = sessions.getLast();
                next = new SessionCursor(last.startedAt(), last.id()).encode();
            }
            Map<String, SessionTotals> totals = totals(c, workspace, sessions.stream().map(Session::id).toList());
            List<SessionSummary> items = sessions.stream()
                    .map(s -> new SessionSummary(s, totals.getOrDefault(s.id(), SessionTotals.EMPTY))).toList();
            return new SessionPage(items, page.page(), page.pageSize(), next);
        });
    }

    @Override
    public Optional<SessionDetail> get(WorkspaceId workspace, String sessionId, int maxItems) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be 1 or more, was " + maxItems);
        }
        Dialect d = database.dialect();
        return database.read("reading session " + sessionId, c -> {
            Session session;
            try (PreparedStatement select = SqlValues.prepare(c, List.of(workspace.value(), sessionId),
                    "SELECT " + COLUMNS + " FROM sessions s WHERE s.workspace_id = ? AND s.id = ?");
                    ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                session = session(rs);
            }
            SessionTotals totals = totals(c, workspace, List.of(sessionId)).getOrDefault(sessionId, SessionTotals.EMPTY);
            List<TraceSummary> traces = new ArrayList<>();
            try (PreparedStatement select = SqlValues.prepare(c, List.of(workspace.value(), sessionId),
                    "SELECT " + TraceRows.COLUMNS + " FROM traces t WHERE t.workspace_id = ? AND t.session_id = ?"
                            + " ORDER BY t.started_at ASC NULLS LAST, " + d.byteOrder("t.id") + " ASC LIMIT " + (maxItems + 1));
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    traces.add(TraceRows.read(rs));
                }
            }
            List<Span> steps = new ArrayList<>();
            try (PreparedStatement select = SqlValues.prepare(c,
                    List.of(workspace.value(), sessionId, SpanKind.TOOL.wire(), SpanKind.CODE_GENERATION.wire()),
                    "SELECT " + SpanRows.SPAN_COLUMNS + " FROM spans s JOIN traces t"
                            + " ON t.workspace_id = s.workspace_id AND t.id = s.trace_id"
                            + " WHERE t.workspace_id = ? AND t.session_id = ? AND s.kind IN (?, ?)"
                            + " ORDER BY s.started_at ASC NULLS LAST, " + d.byteOrder("s.id") + " ASC LIMIT " + (maxItems + 1));
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    steps.add(SpanRows.span(rs));
                }
            }
            boolean tracesTruncated = traces.size() > maxItems;
            boolean stepsTruncated = steps.size() > maxItems;
            return Optional.of(new SessionDetail(new SessionSummary(session, totals),
                    List.copyOf(tracesTruncated ? traces.subList(0, maxItems) : traces), tracesTruncated,
                    List.copyOf(stepsTruncated ? steps.subList(0, maxItems) : steps), stepsTruncated));
        });
    }

    private static void add(StringBuilder where, List<Object> values, String predicate, Object value) {
        if (value != null) {
            where.append(" AND ").append(predicate);
            values.add(value);
        }
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getString("id"), rs.getString("user_id"), rs.getString("agent_id"),
                rs.getString("context"), instant(rs, "started_at"), instant(rs, "ended_at"));
    }

    /** Totals of the given sessions (of this workspace); sessions without traces are absent. */
    private static Map<String, SessionTotals> totals(Connection c, WorkspaceId ws, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Collections.emptyMap();
        }
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<String, long[]> traceCounts = new HashMap<>();
        Map<String, Object[]> traceRest = new HashMap<>();
        List<Object> values = new ArrayList<>();
        values.add(Status.ERROR.wire());
        values.add(ws.value());
        values.addAll(ids);
        try (PreparedStatement select = SqlValues.prepare(c, values, "SELECT t.session_id AS sid, COUNT(*) AS traces,"
                + " CAST(SUM(CASE WHEN t.status = ? THEN 1 ELSE 0 END) AS BIGINT) AS errors,"
                + " CAST(SUM(t.span_count) AS BIGINT) AS spans, CAST(SUM(t.input_tokens) AS BIGINT) AS input_tokens,"
                + " CAST(SUM(t.output_tokens) AS BIGINT) AS output_tokens, SUM(t.cost_usd) AS cost_usd,"
                + " MIN(t.started_at) AS first_at, MAX(COALESCE(t.ended_at, t.started_at)) AS last_at"
                + " FROM traces t WHERE t.workspace_id = ? AND t.session_id IN (" + in + ") GROUP BY t.session_id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String sid = rs.getString("sid");
                traceCounts.put(sid, new long[] {rs.getLong("traces"), rs.getLong("errors"), rs.getLong("spans"),
                        rs.getLong("input_tokens"), rs.getLong("output_tokens")});
                BigDecimal cost = SqlValues.money(rs, "cost_usd");
                traceRest.put(sid, new Object[] {cost == null ? BigDecimal.ZERO.setScale(9) : cost,
                        instant(rs, "first_at"), instant(rs, "last_at")});
            }
        }
        Map<String, long[]> stepCounts = new HashMap<>();
        values = new ArrayList<>(List.of(SpanKind.TOOL.wire(), SpanKind.TOOL.wire(), Status.ERROR.wire(),
                SpanKind.CODE_GENERATION.wire(), ws.value()));
        values.addAll(ids);
        values.add(SpanKind.TOOL.wire());
        values.add(SpanKind.CODE_GENERATION.wire());
        try (PreparedStatement select = SqlValues.prepare(c, values, "SELECT t.session_id AS sid,"
                + " CAST(SUM(CASE WHEN s.kind = ? THEN 1 ELSE 0 END) AS BIGINT) AS tools,"
                + " CAST(SUM(CASE WHEN s.kind = ? AND s.status = ? THEN 1 ELSE 0 END) AS BIGINT) AS tool_errors,"
                + " CAST(SUM(CASE WHEN s.kind = ? THEN 1 ELSE 0 END) AS BIGINT) AS generations"
                + " FROM spans s JOIN traces t ON t.workspace_id = s.workspace_id AND t.id = s.trace_id"
                + " WHERE t.workspace_id = ? AND t.session_id IN (" + in + ") AND s.kind IN (?, ?)"
                + " GROUP BY t.session_id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                stepCounts.put(rs.getString("sid"),
                        new long[] {rs.getLong("tools"), rs.getLong("tool_errors"), rs.getLong("generations")});
            }
        }
        Map<String, Object[]> ratings = new HashMap<>();
        values = new ArrayList<>(List.of(ws.value()));
        values.addAll(ids);
        values.add(RATING);
        try (PreparedStatement select = SqlValues.prepare(c, values, "SELECT t.session_id AS sid,"
                + " COUNT(c.value) AS ratings, AVG(c.value) AS rating_mean"
                + " FROM scores c JOIN traces t ON t.workspace_id = c.workspace_id AND t.id = c.trace_id"
                + " WHERE t.workspace_id = ? AND t.session_id IN (" + in + ") AND c.name = ? AND c.value IS NOT NULL"
                + " GROUP BY t.session_id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ratings.put(rs.getString("sid"), new Object[] {rs.getLong("ratings"), SqlValues.nullableDouble(rs, "rating_mean")});
            }
        }
        Map<String, SessionTotals> totals = new HashMap<>();
        for (Map.Entry<String, long[]> e : traceCounts.entrySet()) {
            long[] t = e.getValue();
            Object[] rest = traceRest.get(e.getKey());
            long[] s = stepCounts.getOrDefault(e.getKey(), new long[3]);
            Object[] r = ratings.getOrDefault(e.getKey(), new Object[] {0L, null});
            totals.put(e.getKey(), new SessionTotals(t[0], t[1], t[2], s[0], s[1], s[2], t[3], t[4],
                    (BigDecimal) rest[0], (Instant) rest[1], (Instant) rest[2], (Long) r[0], (Double) r[1]));
        }
        return totals;
    }
}
