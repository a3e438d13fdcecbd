package dev.sextant.store.jdbc.internal;

import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionPage;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.InteractionReader;
import dev.sextant.store.InteractionStats;
import dev.sextant.store.PageRequest;
import dev.sextant.store.TraceDetail;
import dev.sextant.store.TraceSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists and opens interactions; the statistics live in {@link InteractionStatsQuery}. */
final class JdbcInteractionReader implements InteractionReader {
    private final Database database;
    private final InteractionStatsQuery stats;

    JdbcInteractionReader(Database database) {
        this.database = database;
        this.stats = new InteractionStatsQuery(database);
    }

    @Override
    public InteractionPage list(WorkspaceId workspace, InteractionQuery query, PageRequest page) {
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, query);
        String id = database.dialect().byteOrder("t.id");
        long offset = 0;
        if (page.cursor() != null) {
            KeysetCursor after = KeysetCursor.decode(page.cursor());
            Object start = SqlValues.time(after.startedAt());
            filter.and("(t.started_at < ? OR (t.started_at = ? AND " + id + " < ?))", start, start, after.id());
        } else {
            offset = (long) (page.page() - 1) * page.pageSize(); // page 10^9 must not overflow
        }
        String sql = "SELECT " + TraceRows.COLUMNS + " FROM traces t WHERE " + filter.where()
                + " ORDER BY t.started_at DESC, " + id + " DESC LIMIT " + (page.pageSize() + 1) + " OFFSET " + offset;
        List<TraceSummary> rows = database.read("listing interactions", c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                SqlValues.bind(select, filter.values());
                List<TraceSummary> found = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(TraceRows.read(rs));
                    }
                }
                return found;
            }
        });
        String next = null;
        if (rows.size() > page.pageSize()) {
            rows = rows.subList(0, page.pageSize());
            TraceSummary last = rows.getLast();
            next = new KeysetCursor(last.trace().startedAt(), last.trace().id()).encode();
        }
        return new InteractionPage(List.copyOf(rows), page.page(), page.pageSize(), next);
    }

    @Override
    public Optional<TraceDetail> get(WorkspaceId workspace, String traceId) {
        return database.read("reading interaction " + traceId, c -> {
            Optional<TraceSummary> summary = summary(c, workspace, traceId);
            if (summary.isEmpty()) {
                return Optional.empty();
            }
            Dialect d = database.dialect();
            return Optional.of(new TraceDetail(summary.get(), spans(c, d, workspace, traceId),
                    scores(c, d, workspace, traceId)));
        });
    }

    private static Optional<TraceSummary> summary(Connection c, WorkspaceId ws, String traceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + TraceRows.COLUMNS + " FROM traces t WHERE t.workspace_id = ? AND t.id = ?")) {
            select.setString(1, ws.value());
            select.setString(2, traceId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(TraceRows.read(rs)) : Optional.empty();
            }
        }
    }

    private static List<Span> spans(Connection c, Dialect d, WorkspaceId ws, String traceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + SpanRows.SPAN_COLUMNS
                + " FROM spans s WHERE s.workspace_id = ? AND s.trace_id = ?"
                + " ORDER BY s.started_at ASC NULLS LAST, " + d.byteOrder("s.id") + " ASC")) {
            select.setString(1, ws.value());
            select.setString(2, traceId);
            select.setFetchSize(1000);
            List<Span> spans = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    spans.add(SpanRows.span(rs));
                }
            }
            return spans;
        }
    }

    private static List<Score> scores(Connection c, Dialect d, WorkspaceId ws, String traceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + SpanRows.SCORE_COLUMNS
                + " FROM scores c WHERE c.workspace_id = ? AND c.trace_id = ?"
                + " ORDER BY c.created_at ASC NULLS LAST, " + d.byteOrder("c.id") + " ASC")) {
            select.setString(1, ws.value());
            select.setString(2, traceId);
            List<Score> scores = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    scores.add(SpanRows.score(rs));
                }
            }
            return scores;
        }
    }

    @Override
    public InteractionStats stats(WorkspaceId workspace, InteractionQuery query) {
        return stats.run(workspace, query);
    }
}
