package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.RetentionCounts;
import dev.sextant.store.RetentionCutoffs;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The retention purge of one workspace: each statement deletes or clears at most one batch of
 * rows, chosen by key in a subquery, and commits on its own, so the one DuckDB writer (or a
 * PostgreSQL row lock) is held for one batch at a time and ingestion goes on between batches.
 *
 * <p>Old traces go children first (spans, then scores, then the traces): a run that stops half
 * way leaves traces that the next run finds again, never spans whose trace is gone. A trace or
 * session goes in one transaction with its context items (a trace with its learning
 * applications too). A span sent
 * for an old trace while its trace is being removed may outlive it; nothing newer is touched.
 *
 * <p>Training metric points have no primary key (an append-only log); a batch names its points
 * by (run_id, seq), unique per run by construction. A point logged without a time counts from
 * its run's start. Points are appended with the time they were logged, so a purge running while
 * a run logs never selects the new points: they are newer than any cutoff in the past.
 */
final class RetentionPurge {
    private static final String OLD_TRACES = "SELECT t.id FROM traces t WHERE t.workspace_id = ? AND t.started_at < ?";

    private final Database database;

    RetentionPurge(Database database) {
        this.database = database;
    }

    RetentionCounts run(WorkspaceId workspace, RetentionCutoffs cutoffs, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        long spans = 0;
        long traces = 0;
        long scores = 0;
        long sessions = 0;
        long payloads = 0;
        Instant old = cutoffs.traces();
        if (old != null) {
            spans += drain(workspace, batchSize, "deleting spans of old traces",
                    "DELETE FROM spans WHERE workspace_id = ? AND id IN (SELECT s.id FROM spans s"
                            + " WHERE s.workspace_id = ? AND s.trace_id IN (" + OLD_TRACES + ") LIMIT " + batchSize + ")",
                    workspace.value(), workspace.value(), old);
            scores += drain(workspace, batchSize, "deleting scores of old traces",
                    "DELETE FROM scores WHERE workspace_id = ? AND id IN (SELECT s.id FROM scores s"
                            + " WHERE s.workspace_id = ? AND s.trace_id IN (" + OLD_TRACES + ") LIMIT " + batchSize + ")",
                    workspace.value(), workspace.value(), old);
            traces += drainWithContext(workspace, batchSize, "deleting old traces", "traces", "trace_id",
                    ErasurePurge.TRACE_RECORDS, OLD_TRACES + " ORDER BY t.id LIMIT " + batchSize, workspace.value(), old);
            sessions += drainWithContext(workspace, batchSize, "deleting old sessions", "sessions", "session_id",
                    List.of("context_items"), "SELECT s.id FROM sessions s WHERE s.workspace_id = ? AND COALESCE(s.ended_at, s.started_at) < ?"
                            + " ORDER BY s.id LIMIT " + batchSize, workspace.value(), old);
        }
        Instant stale = cutoffs.payloads();
        if (stale != null) {
            payloads += drain(workspace, batchSize, "clearing payloads of old traces",
                    "UPDATE traces SET input = NULL, output = NULL WHERE workspace_id = ? AND id IN (" + OLD_TRACES
                            + " AND (t.input IS NOT NULL OR t.output IS NOT NULL) LIMIT " + batchSize + ")",
                    workspace.value(), stale);
            payloads += drain(workspace, batchSize, "clearing payloads of old spans",
                    "UPDATE spans SET input = NULL, output = NULL WHERE workspace_id = ? AND id IN (SELECT s.id FROM spans s"
                            + " WHERE s.workspace_id = ? AND (s.input IS NOT NULL OR s.output IS NOT NULL)"
                            + " AND s.trace_id IN (" + OLD_TRACES + ") LIMIT " + batchSize + ")",
                    workspace.value(), workspace.value(), stale);
        }
        Instant rated = cutoffs.scores();
        if (rated != null) {
            scores += drain(workspace, batchSize, "deleting old scores",
                    "DELETE FROM scores WHERE workspace_id = ? AND id IN (SELECT s.id FROM scores s"
                            + " WHERE s.workspace_id = ? AND s.created_at < ? LIMIT " + batchSize + ")",
                    workspace.value(), rated);
        }
        long metrics = 0;
        Instant logged = cutoffs.metrics();
        if (logged != null) {
            metrics += drain(workspace, batchSize, "deleting old training metric points",
                    "DELETE FROM training_metrics WHERE workspace_id = ? AND (run_id, seq) IN (SELECT m.run_id, m.seq"
                            + " FROM training_metrics m WHERE m.workspace_id = ? AND COALESCE(m.ts, (SELECT r.started_at"
                            + " FROM training_runs r WHERE r.workspace_id = m.workspace_id AND r.id = m.run_id)) < ?"
                            + " LIMIT " + batchSize + ")",
                    workspace.value(), logged);
        }
        return new RetentionCounts(traces, spans, payloads, scores, sessions, metrics);
    }

    /**
     * Deletes the rows {@code selectIds} names, a batch at a time, each batch in one transaction
     * with the rows of {@code itemTables} that belong to them (by {@code itemColumn}: context
     * items, and a trace's learning applications), until a batch comes up short.
     */
    private long drainWithContext(WorkspaceId workspace, int batchSize, String what, String table, String itemColumn,
            List<String> itemTables, String selectIds, Object... values) {
        long total = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return total; // shutting down: the next run carries on from here
            }
            int[] changed = database.write(what + " of workspace " + workspace, c -> {
                List<Object> ids = new ArrayList<>();
                try (PreparedStatement select = SqlValues.prepare(c, List.of(values), selectIds);
                        java.sql.ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                if (ids.isEmpty()) {
                    return new int[] {0, 0};
                }
                String in = "(" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
                List<Object> bound = new ArrayList<>();
                bound.add(workspace.value());
                bound.addAll(ids);
                for (String items : itemTables) {
                    try (PreparedStatement delete = SqlValues.prepare(c, bound,
                            "DELETE FROM " + items + " WHERE workspace_id = ? AND " + itemColumn + " IN " + in)) {
                        delete.executeUpdate();
                    }
                }
                try (PreparedStatement delete = SqlValues.prepare(c, bound,
                        "DELETE FROM " + table + " WHERE workspace_id = ? AND id IN " + in)) {
                    return new int[] {delete.executeUpdate(), ids.size()};
                }
            });
            total += changed[0];
            if (changed[1] < batchSize) {
                return total;
            }
        }
    }

    /**
     * Runs the statement, each time in its own transaction, until it changes fewer rows than a
     * batch. Parameters: the outer statement's workspace, then {@code values} (which name the
     * workspace again for each subquery).
     */
    private long drain(WorkspaceId workspace, int batchSize, String what, String sql, Object... values) {
        List<Object> bound = new ArrayList<>(values.length + 1);
        bound.add(workspace.value());
        bound.addAll(List.of(values));
        long total = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return total; // shutting down: the next run carries on from here
            }
            int changed = database.write(what + " of workspace " + workspace, c -> {
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
