package dev.sextant.store.jdbc.internal;

import dev.sextant.model.Span;
import dev.sextant.store.TrackingWriter;
import dev.sextant.store.WorkspaceBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DuckDB's bulk tracking writes, in one transaction on the one writer connection, with a cost
 * that follows the batch, not the tables.
 *
 * <p>First, optimistically (spans are almost always new): every span is appended straight into
 * {@code spans} (written once, no stage copy; the primary key check is the only lookup) and
 * counted whole into its trace's roll-ups. A span already stored fails the append; the write is
 * then rolled back and done again the safe way:
 * <ol>
 * <li>spans are staged, then every span not stored yet is inserted in one statement that
 *     returns their keys (the primary key check is the only lookup);</li>
 * <li>re-sent spans (the rest, usually few) have their stored roll-up fields read, then are
 *     merged by the usual upsert;</li>
 * </ol>
 * Both ways then: each touched trace's roll-up change is computed in Java (new contributions,
 * and merged minus stored ones for re-sent spans); new and placeholder traces are inserted with
 * their roll-ups, stored ones merged with the change added ({@link TraceDeltaSql}); scores and
 * sessions are upserted as on PostgreSQL. Attributes the Appender would store unchecked are
 * checked as JSON in Java first; a text Java refuses goes the safe way, whose cast decides.
 * Safe only with one writer: the stored fields read in step 2 must not change before the traces
 * are written.
 */
final class IncrementalTrackingWriter implements TrackingWriter {
    private final Database database;
    private final Stages stages;
    private final Clock clock;
    private final String insertNewSpans;
    private final String readResentSpans;
    private final String upsertResentSpans;
    private final String insertNewTraces;
    private final String mergeStoredTraces;
    private final String upsertScores;
    private final String upsertSessions;
    /** The big INSERTs, planned once on the writer connection; used only under its write lock. */
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private Connection preparedOn;

    IncrementalTrackingWriter(Database database, Stages stages, Clock clock) {
        this.database = database;
        this.stages = stages;
        this.clock = clock;
        Dialect d = database.dialect();
        insertNewSpans = UpsertSql.insertNew(d, StageTables.SPANS, "spans");
        readResentSpans = "SELECT t.workspace_id, t.id, " + SpanFacts.COLUMNS + " FROM spans t JOIN "
                + StageTables.SPAN_KEYS.name() + " k ON t.workspace_id = k.workspace_id AND t.id = k.id";
        upsertResentSpans = UpsertSql.buildFor(d, StageTables.SPANS, "spans", StageTables.SPAN_KEYS);
        insertNewTraces = TraceDeltaSql.insertNew(d);
        mergeStoredTraces = TraceDeltaSql.mergeStored(d);
        upsertScores = UpsertSql.build(d, StageTables.SCORES, "scores", false, false);
        upsertSessions = UpsertSql.build(d, StageTables.SESSIONS, "sessions", false, false);
    }

    @Override
    public void write(List<WorkspaceBatch> batches) {
        MergedBatch merged = new MergedBatch(batches);
        if (merged.isEmpty()) {
            return;
        }
        String what = "writing " + merged.size() + " tracking records";
        List<Object[]> newSpanRows = merged.spans.isEmpty() ? null : NewSpanRows.of(merged);
        if (newSpanRows != null) {
            try {
                database.write(what, c -> {
                    writeAllSpansNew(c, merged, newSpanRows);
                    return null;
                });
                return;
            } catch (SpansNotAllNew e) {
                // some span was stored already: the write was rolled back; redo it the safe way
            }
        }
        database.write(what, c -> {
            TraceDeltaRows traces = new TraceDeltaRows(merged.traces);
            if (!merged.spans.isEmpty()) {
                writeSpans(c, merged, traces);
            }
            writeRest(c, merged, traces);
            return null;
        });
    }

    /**
     * The optimistic way: every span is taken for new, appended straight into {@code spans}
     * and counted into its trace's roll-ups. A span already stored makes the append fail on its
     * primary key; {@link SpansNotAllNew} then rolls the whole write back.
     */
    private void writeAllSpansNew(Connection c, MergedBatch merged, List<Object[]> rows) throws SQLException {
        // begins the transaction: rows appended before any statement would be auto-committed
        Stages.execute(c, "DELETE FROM " + StageTables.SPAN_KEYS.name());
        try {
            AppenderStageLoader.appendRows(c, null, "spans", rows);
        } catch (SQLException e) {
            throw new SpansNotAllNew(e);
        }
        TraceDeltaRows traces = new TraceDeltaRows(merged.traces);
        merged.spans.forEach((key, span) -> traces.add(key.workspace(), SpanFacts.of(span)));
        writeRest(c, merged, traces);
    }

    private void writeRest(Connection c, MergedBatch merged, TraceDeltaRows traces) throws SQLException {
        Set<MergedBatch.Key> newTraces = traces.isEmpty() ? Set.of() : writeTraces(c, traces);
        upsert(c, StageTables.SCORES, merged.scoreRows(), upsertScores);
        upsert(c, StageTables.SESSIONS, merged.sessionRows(), upsertSessions);
        // a trace this write inserted has no items to replace: only re-sent ones run the DELETE
        // (a scan of context_items on DuckDB), and the new items go in through the Appender
        merged.contexts.writeAppending(c, newTraces);
    }

    /** The optimistic append met a span that is stored already. */
    private static final class SpansNotAllNew extends RuntimeException {
        SpansNotAllNew(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private void writeSpans(Connection c, MergedBatch merged, TraceDeltaRows traces) throws SQLException {
        List<Object[]> spanRows = merged.spanRows();
        stages.load(c, StageTables.SPANS, spanRows);
        Set<MergedBatch.Key> inserted = insertReturningKeys(c, insertNewSpans, merged.spans.size());
        List<Object[]> resent = new ArrayList<>();
        merged.spans.forEach((key, span) -> {
            if (inserted.contains(key)) {
                traces.add(key.workspace(), SpanFacts.of(span));
            } else {
                resent.add(new Object[] {key.workspace(), key.id()});
            }
        });
        if (resent.isEmpty()) {
            return;
        }
        stages.load(c, StageTables.SPAN_KEYS, resent);
        Map<MergedBatch.Key, SpanFacts> stored = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(readResentSpans); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                stored.put(new MergedBatch.Key(rs.getString("workspace_id"), rs.getString("id")), SpanFacts.read(rs));
            }
        }
        Stages.execute(c, upsertResentSpans);
        for (Object[] row : resent) {
            MergedBatch.Key key = new MergedBatch.Key((String) row[0], (String) row[1]);
            Span span = merged.spans.get(key);
            SpanFacts before = stored.get(key);
            if (before == null) {
                throw new IllegalStateException("span " + key.id() + " of workspace " + key.workspace()
                        + " was neither new nor stored: is another connection writing to this DuckDB file?");
            }
            traces.remove(key.workspace(), before);
            traces.add(key.workspace(), before.mergedWith(SpanFacts.of(span)));
        }
    }

    /** Inserts the new traces and merges the stored ones; answers the keys of the new ones. */
    private Set<MergedBatch.Key> writeTraces(Connection c, TraceDeltaRows traces) throws SQLException {
        Instant now = clock.instant();
        List<Object[]> tr = traces.rows(traces.keys(), true, now);
        stages.load(c, StageTables.TRACE_DELTAS, tr);
        Set<MergedBatch.Key> inserted = insertReturningKeys(c, insertNewTraces, traces.keys().size());
        List<MergedBatch.Key> stored = new ArrayList<>();
        for (MergedBatch.Key key : traces.keys()) {
            if (!inserted.contains(key)) {
                stored.add(key);
            }
        }
        if (!stored.isEmpty()) {
            stages.load(c, StageTables.TRACE_DELTAS, traces.rows(stored, false, now));
            Stages.execute(c, mergeStoredTraces);
        }
        return inserted;
    }

    /** Runs an {@code INSERT ... ON CONFLICT DO NOTHING RETURNING workspace_id, id}: the new keys. */
    private Set<MergedBatch.Key> insertReturningKeys(Connection c, String sql, int expected) throws SQLException {
        Set<MergedBatch.Key> inserted = new HashSet<>(expected * 2);
        PreparedStatement insert = prepared(c, sql);
        try (ResultSet rs = insert.executeQuery()) {
            while (rs.next()) {
                inserted.add(new MergedBatch.Key(rs.getString(1), rs.getString(2)));
            }
        }
        return inserted;
    }

    /** A statement prepared once on the writer connection (DuckDB plans it once). */
    private PreparedStatement prepared(Connection c, String sql) throws SQLException {
        if (c != preparedOn) {
            prepared.clear();
            preparedOn = c;
        }
        PreparedStatement statement = prepared.get(sql);
        // duckdb_jdbc closes a connection's open statements when a transaction fails: prepare anew
        if (statement == null || statement.isClosed()) {
            statement = c.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    private void upsert(Connection c, StageTable table, List<Object[]> rows, String sql) throws SQLException {
        if (!rows.isEmpty()) {
            stages.load(c, table, rows);
            Stages.execute(c, sql);
        }
    }
}
