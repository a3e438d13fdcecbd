package dev.sextant.store.jdbc.internal;

import dev.sextant.store.TrackingWriter;
import dev.sextant.store.WorkspaceBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * PostgreSQL's bulk tracking writes: stage every kind, then one set-based upsert per kind,
 * placeholders for traces only spans have named, and one roll-up refresh that recomputes the
 * touched traces from their spans (by the spans_by_trace index), all in one transaction. It is
 * safe with several writers (see {@link RollupRefresh}); DuckDB, with its one writer, applies
 * deltas instead ({@link IncrementalTrackingWriter}).
 */
final class RecomputingTrackingWriter implements TrackingWriter {
    private final Database database;
    private final Stages stages;
    private final RollupRefresh rollups;
    private final Clock clock;
    private final String upsertTraces;
    private final String upsertSpans;
    private final String upsertScores;
    private final String upsertSessions;

    RecomputingTrackingWriter(Database database, Stages stages, RollupRefresh rollups, Clock clock) {
        this.database = database;
        this.stages = stages;
        this.rollups = rollups;
        this.clock = clock;
        Dialect d = database.dialect();
        upsertTraces = UpsertSql.build(d, StageTables.TRACES, "traces", true, true);
        upsertSpans = UpsertSql.build(d, StageTables.SPANS, "spans", true, false);
        upsertScores = UpsertSql.build(d, StageTables.SCORES, "scores", false, false);
        upsertSessions = UpsertSql.build(d, StageTables.SESSIONS, "sessions", false, false);
    }

    @Override
    public void write(List<WorkspaceBatch> batches) {
        MergedBatch merged = new MergedBatch(batches);
        if (merged.isEmpty()) {
            return;
        }
        database.write("writing " + merged.size() + " tracking records", c -> {
            stages.open(c);
            stages.load(c, StageTables.TOUCHED, merged.touchedTraceRows());
            upsert(c, StageTables.TRACES, merged.traceRows(), upsertTraces);
            if (!merged.spans.isEmpty()) {
                stages.load(c, StageTables.SPANS, merged.spanRows());
                // the stored trace of a span is touched too: a newer copy may leave trace_id out
                // or move the span to another trace (read before the upsert changes it)
                Stages.execute(c, "INSERT INTO stage_touched (workspace_id, trace_id)"
                        + " SELECT t.workspace_id, t.trace_id FROM spans t JOIN stage_spans s"
                        + " ON t.workspace_id = s.workspace_id AND t.id = s.id"
                        + " WHERE t.trace_id IS NOT NULL AND (s.trace_id IS NULL OR s.trace_id <> t.trace_id)");
                Stages.execute(c, UpsertSql.placeholderTraces());
                Stages.execute(c, upsertSpans);
            }
            upsert(c, StageTables.SCORES, merged.scoreRows(), upsertScores);
            upsert(c, StageTables.SESSIONS, merged.sessionRows(), upsertSessions);
            merged.contexts.write(c);
            rollups.run(c, clock.instant());
            return null;
        });
    }

    private void upsert(Connection c, StageTable table, List<Object[]> rows, String sql) throws SQLException {
        if (!rows.isEmpty()) {
            stages.load(c, table, rows);
            Stages.execute(c, sql);
        }
    }
}
