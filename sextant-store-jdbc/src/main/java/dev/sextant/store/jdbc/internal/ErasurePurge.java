package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.erasure.ErasureCounts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The erasure of one user in one workspace, batched like {@link RetentionPurge}: each statement
 * deletes at most one batch of rows chosen by key in a subquery and commits on its own, so
 * ingestion goes on between batches. Children first (scores on the user's traces and spans, then
 * spans, then traces, then sessions): a run that stops half way leaves traces the next run finds.
 * Passes repeat while one still removes something (records of the user that arrived during the
 * previous pass), at most {@link #MAX_PASSES} times.
 *
 * <p>Roll-ups need no separate step: a trace's token and cost sums live on its own row and go
 * with it, and every analytics answer (stats, trends, personalization, sessions) is computed from
 * the remaining rows.
 */
final class ErasurePurge {
    static final int MAX_PASSES = 3;

    private final Database database;

    ErasurePurge(Database database) {
        this.database = database;
    }

    ErasureCounts run(WorkspaceId workspace, Set<String> userIds, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        if (userIds.isEmpty()) {
            return ErasureCounts.NONE;
        }
        List<Object> users = new ArrayList<>(userIds);
        ErasureCounts total = ErasureCounts.NONE;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            ErasureCounts removed = pass(workspace, users, batchSize);
            total = total.plus(removed);
            if (!removed.removedAnything()) {
                break;
            }
        }
        return total;
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

    private ErasureCounts pass(WorkspaceId workspace, List<Object> users, int batchSize) {
        String in = in(users.size());
        String userTraces = "SELECT t.id FROM traces t WHERE t.workspace_id = ? AND t.user_id IN " + in;
        List<Object> ws = List.of(workspace.value());
        long scores = drain(workspace, batchSize, "deleting scores of an erased user",
                "DELETE FROM scores WHERE workspace_id = ? AND id IN (SELECT s.id FROM scores s WHERE s.workspace_id = ?"
                        + " AND (s.user_id IN " + in + " OR s.trace_id IN (" + userTraces + ")"
                        + " OR s.span_id IN (SELECT p.id FROM spans p WHERE p.workspace_id = ? AND p.trace_id IN ("
                        + userTraces + "))) LIMIT " + batchSize + ")",
                ws, users, ws, users, ws, ws, users);
        long spans = drain(workspace, batchSize, "deleting spans of an erased user",
                "DELETE FROM spans WHERE workspace_id = ? AND id IN (SELECT s.id FROM spans s WHERE s.workspace_id = ?"
                        + " AND s.trace_id IN (" + userTraces + ") LIMIT " + batchSize + ")",
                ws, ws, users);
        long traces = drain(workspace, batchSize, "deleting traces of an erased user",
                "DELETE FROM traces WHERE workspace_id = ? AND id IN (" + userTraces + " LIMIT " + batchSize + ")",
                ws, users);
        long sessions = drain(workspace, batchSize, "deleting sessions of an erased user",
                "DELETE FROM sessions WHERE workspace_id = ? AND id IN (SELECT s.id FROM sessions s"
                        + " WHERE s.workspace_id = ? AND s.user_id IN " + in + " LIMIT " + batchSize + ")",
                ws, users);
        return new ErasureCounts(traces, spans, scores, sessions);
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
