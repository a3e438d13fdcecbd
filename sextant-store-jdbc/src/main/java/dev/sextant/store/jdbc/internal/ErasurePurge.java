package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.erasure.ErasureCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The erasure of one user in one workspace, in batches that each commit on their own, so ingestion
 * goes on between them: a batch of the user's traces with their spans and the scores on them in
 * one transaction (a trace never goes before its children), then the scores the user gave and the
 * user's sessions, a batch of rows per statement. Passes repeat while one still removes something
 * (records of the user that arrived during the previous pass), at most {@link #MAX_PASSES} times;
 * then spans and scores that arrived for an already erased trace are swept by its id. The erased
 * trace ids are kept in memory for that sweep (some tens of bytes per trace). A trace goes with its
 * context items and the learning applications recorded for it; an erasure that removed anything
 * withdraws the workspace's fitted prediction models ({@link #withdrawModels}).
 *
 * <p>Roll-ups need no separate step: a trace's token and cost sums live on its own row and go
 * with it, and every analytics answer (stats, trends, personalization, sessions) is computed from
 * the remaining rows.
 */
final class ErasurePurge {
    static final int MAX_PASSES = 3;
    /** A batch of traces is named by its ids in the statements: kept well under PostgreSQL's 65,535 parameters. */
    static final int MAX_BATCH = 10_000;
    /** Tables whose rows belong to one trace (by {@code trace_id}) and go with it, besides spans and scores. */
    static final List<String> TRACE_RECORDS = List.of("context_items", "learning_applications");
    /** The reason a withdrawn model gives: it was fitted to rows that an erasure removed. */
    static final String WITHDRAWN = "withdrawn: trained on data that an erasure removed; retrained on the next schedule"
            + " (or POST .../train)";

    private final Database database;

    ErasurePurge(Database database) {
        this.database = database;
    }

    ErasureCounts run(WorkspaceId workspace, Set<String> userIds, int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be between 1 and " + MAX_BATCH + ", was " + batchSize);
        }
        if (userIds.isEmpty()) {
            return ErasureCounts.NONE;
        }
        List<Object> users = new ArrayList<>(userIds);
        List<String> erasedTraces = new ArrayList<>();
        ErasureCounts total = ErasureCounts.NONE;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            ErasureCounts removed = pass(workspace, users, batchSize, erasedTraces);
            total = total.plus(removed);
            if (!removed.removedAnything()) {
                break;
            }
        }
        total = total.plus(sweepLateChildren(workspace, erasedTraces, batchSize));
        if (total.removedAnything()) {
            withdrawModels(workspace);
        }
        return total;
    }

    /**
     * Withdraws the workspace's prediction models that hold a fitted model: the serialized model
     * is dropped and the version stays as {@code withdrawn}, not offered. A model fitted to the
     * erased rows is derived from them (a tree or a category weight can carry a value of one
     * user), so none may outlive the erasure; the version numbers go on, so the next training is
     * a new version and no loaded copy of the old one is used again.
     */
    private void withdrawModels(WorkspaceId workspace) {
        database.write("withdrawing prediction models after an erasure in workspace " + workspace, c -> {
            try (PreparedStatement update = SqlValues.prepare(c, List.of(WITHDRAWN, workspace.value()),
                    "UPDATE prediction_models SET model = NULL, offered = FALSE, status = 'withdrawn', reason = ?"
                            + " WHERE workspace_id = ? AND model IS NOT NULL")) {
                return update.executeUpdate();
            }
        });
    }

    long remaining(WorkspaceId workspace, Set<String> userIds) {
        if (userIds.isEmpty()) {
            return 0;
        }
        String in = in(userIds.size());
        List<Object> bound = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bound.add(workspace.value());
            bound.addAll(userIds);
        }
        return database.read("counting what remains of an erased user", c -> {
            try (PreparedStatement select = SqlValues.prepare(c, bound,
                    "SELECT (SELECT COUNT(*) FROM traces WHERE workspace_id = ? AND user_id IN " + in + ")"
                            + " + (SELECT COUNT(*) FROM scores WHERE workspace_id = ? AND user_id IN " + in + ")"
                            + " + (SELECT COUNT(*) FROM sessions WHERE workspace_id = ? AND user_id IN " + in + ")");
                    ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private ErasureCounts pass(WorkspaceId workspace, List<Object> users, int batchSize, List<String> erasedTraces) {
        long[] traceTotals = new long[3];
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: erasing again carries on from here
            }
            TraceBatch batch = database.write("deleting traces of an erased user in workspace " + workspace,
                    c -> traceBatch(c, workspace, users, batchSize));
            traceTotals[0] += batch.traces();
            traceTotals[1] += batch.spans();
            traceTotals[2] += batch.scores();
            erasedTraces.addAll(batch.ids());
            if (batch.ids().size() < batchSize) {
                break;
            }
        }
        String in = in(users.size());
        List<Object> ws = List.of(workspace.value());
        long given = drain(workspace, batchSize, "deleting scores an erased user gave",
                "DELETE FROM scores WHERE workspace_id = ? AND id IN (SELECT s.id FROM scores s WHERE s.workspace_id = ?"
                        + " AND s.user_id IN " + in + " LIMIT " + batchSize + ")",
                ws, users);
        // the context items of the user's sessions (a user has few sessions: one statement)
        List<Object> sessionItems = new ArrayList<>();
        sessionItems.add(workspace.value());
        sessionItems.add(workspace.value());
        sessionItems.addAll(users);
        database.write("deleting context items of an erased user's sessions in workspace " + workspace, c -> {
            try (PreparedStatement delete = SqlValues.prepare(c, sessionItems, "DELETE FROM context_items"
                    + " WHERE workspace_id = ? AND session_id IN (SELECT s.id FROM sessions s WHERE s.workspace_id = ?"
                    + " AND s.user_id IN " + in + ")")) {
                return delete.executeUpdate();
            }
        });
        long sessions = drain(workspace, batchSize, "deleting sessions of an erased user",
                "DELETE FROM sessions WHERE workspace_id = ? AND id IN (SELECT s.id FROM sessions s"
                        + " WHERE s.workspace_id = ? AND s.user_id IN " + in + " LIMIT " + batchSize + ")",
                ws, users);
        return new ErasureCounts(traceTotals[0], traceTotals[1], traceTotals[2] + given, sessions);
    }

    /** Rows removed by one batch of traces, and the ids of the traces. */
    private record TraceBatch(List<String> ids, long traces, long spans, long scores) {}

    /**
     * One transaction: up to a batch of the user's traces, with the scores on them or on their
     * spans and their spans, so no pass ever leaves a trace's children behind a deleted trace.
     */
    private static TraceBatch traceBatch(Connection c, WorkspaceId workspace, List<Object> users, int batchSize)
            throws SQLException {
        List<Object> select = new ArrayList<>();
        select.add(workspace.value());
        select.addAll(users);
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = SqlValues.prepare(c, select, "SELECT id FROM traces WHERE workspace_id = ?"
                + " AND user_id IN " + in(users.size()) + " ORDER BY id LIMIT " + batchSize);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        if (ids.isEmpty()) {
            return new TraceBatch(ids, 0, 0, 0);
        }
        long[] removed = children(c, workspace, ids);
        List<Object> bound = new ArrayList<>();
        bound.add(workspace.value());
        bound.addAll(ids);
        int traces;
        try (PreparedStatement delete = SqlValues.prepare(c, bound,
                "DELETE FROM traces WHERE workspace_id = ? AND id IN " + in(ids.size()))) {
            traces = delete.executeUpdate();
        }
        return new TraceBatch(ids, traces, removed[0], removed[1]);
    }

    /**
     * Deletes the spans of the given traces, the scores on them or their spans, the traces'
     * context items and the learning applications recorded for them: {spans, scores}.
     */
    private static long[] children(Connection c, WorkspaceId workspace, List<String> traceIds) throws SQLException {
        String in = in(traceIds.size());
        List<Object> scoreValues = new ArrayList<>();
        scoreValues.add(workspace.value());
        scoreValues.addAll(traceIds);
        scoreValues.add(workspace.value());
        scoreValues.addAll(traceIds);
        int scores;
        try (PreparedStatement delete = SqlValues.prepare(c, scoreValues, "DELETE FROM scores WHERE workspace_id = ?"
                + " AND (trace_id IN " + in + " OR span_id IN (SELECT p.id FROM spans p WHERE p.workspace_id = ?"
                + " AND p.trace_id IN " + in + "))")) {
            scores = delete.executeUpdate();
        }
        List<Object> spanValues = new ArrayList<>();
        spanValues.add(workspace.value());
        spanValues.addAll(traceIds);
        for (String table : TRACE_RECORDS) {
            try (PreparedStatement delete = SqlValues.prepare(c, spanValues,
                    "DELETE FROM " + table + " WHERE workspace_id = ? AND trace_id IN " + in)) {
                delete.executeUpdate();
            }
        }
        int spans;
        try (PreparedStatement delete = SqlValues.prepare(c, spanValues,
                "DELETE FROM spans WHERE workspace_id = ? AND trace_id IN " + in)) {
            spans = delete.executeUpdate();
        }
        return new long[] {spans, scores};
    }

    /**
     * Spans and scores of erased traces that were committed after their trace went (sent late, or
     * racing the batch on PostgreSQL): found by the erased trace ids, a batch of ids at a time.
     */
    private ErasureCounts sweepLateChildren(WorkspaceId workspace, List<String> erasedTraces, int batchSize) {
        long spans = 0;
        long scores = 0;
        for (int from = 0; from < erasedTraces.size(); from += batchSize) {
            List<String> ids = erasedTraces.subList(from, Math.min(erasedTraces.size(), from + batchSize));
            long[] removed = database.write("deleting late spans of an erased user in workspace " + workspace,
                    c -> children(c, workspace, ids));
            spans += removed[0];
            scores += removed[1];
        }
        return new ErasureCounts(0, spans, scores, 0);
    }

    private static String in(int count) {
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /** Runs the statement, each time in its own transaction, until it changes fewer rows than a batch. */
    @SafeVarargs
    private long drain(WorkspaceId workspace, int batchSize, String what, String sql, List<Object>... values) {
        List<Object> bound = new ArrayList<>();
        bound.add(workspace.value());
        for (List<Object> v : values) {
            bound.addAll(v);
        }
        long total = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return total; // shutting down: erasing again carries on from here
            }
            int changed = database.write(what + " in workspace " + workspace, c -> {
                try (PreparedStatement statement = SqlValues.prepare(c, bound, sql)) {
                    return statement.executeUpdate();
                }
            });
            total += changed;
            if (changed < batchSize) {
                return total;
            }
        }
    }
}
