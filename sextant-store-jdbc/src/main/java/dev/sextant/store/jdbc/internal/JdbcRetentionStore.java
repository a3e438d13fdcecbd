package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.RetentionCounts;
import dev.sextant.store.RetentionCutoffs;
import dev.sextant.store.RetentionKind;
import dev.sextant.store.RetentionRun;
import dev.sextant.store.RetentionSetting;
import dev.sextant.store.RetentionStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Retention periods (one row per kind set), the batched purge, and the record of runs. */
final class JdbcRetentionStore implements RetentionStore {
    private final Database database;
    private final Clock clock;
    private final RetentionPurge purge;

    JdbcRetentionStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.purge = new RetentionPurge(database);
    }

    @Override
    public List<RetentionSetting> settings(WorkspaceId workspace) {
        return database.read("reading retention settings", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT kind, days FROM retention_policies WHERE workspace_id = ? ORDER BY kind")) {
                select.setString(1, workspace.value());
                List<RetentionSetting> settings = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        settings.add(new RetentionSetting(RetentionKind.fromWire(rs.getString("kind")),
                                SqlValues.nullableInt(rs, "days")));
                    }
                }
                return settings;
            }
        });
    }

    @Override
    public void set(WorkspaceId workspace, List<RetentionSetting> settings) {
        if (settings.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        database.write("setting retention periods", c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO retention_policies"
                    + " (workspace_id, kind, days, updated_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (workspace_id, kind) DO UPDATE SET days = EXCLUDED.days,"
                    + " updated_at = EXCLUDED.updated_at")) {
                for (RetentionSetting s : settings) {
                    SqlValues.bind(upsert, Arrays.asList(workspace.value(), s.kind().wire(), s.days(), now));
                    upsert.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public RetentionCounts purge(WorkspaceId workspace, RetentionCutoffs cutoffs, int batchSize) {
        return purge.run(workspace, cutoffs, batchSize);
    }

    @Override
    public void recordRun(WorkspaceId workspace, RetentionRun run) {
        RetentionCounts d = run.deleted();
        database.write("recording a retention run", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO retention_runs (workspace_id, id,"
                    + " started_at, finished_at, traces_deleted, spans_deleted, payloads_cleared, scores_deleted,"
                    + " sessions_deleted, error, metrics_deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                SqlValues.bind(insert, Arrays.asList(workspace.value(), Ids.next("retention_"),
                        run.startedAt().truncatedTo(ChronoUnit.MICROS), run.finishedAt().truncatedTo(ChronoUnit.MICROS),
                        d.traces(), d.spans(), d.payloads(), d.scores(), d.sessions(), run.error(), d.metrics()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<RetentionRun> lastRun(WorkspaceId workspace) {
        return database.read("reading the last retention run", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT started_at, finished_at, traces_deleted,"
                    + " spans_deleted, payloads_cleared, scores_deleted, sessions_deleted, error, metrics_deleted FROM retention_runs"
                    + " WHERE workspace_id = ? ORDER BY started_at DESC, finished_at DESC LIMIT 1")) {
                select.setString(1, workspace.value());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static RetentionRun read(ResultSet rs) throws SQLException {
        RetentionCounts deleted = new RetentionCounts(rs.getLong("traces_deleted"), rs.getLong("spans_deleted"),
                rs.getLong("payloads_cleared"), rs.getLong("scores_deleted"), rs.getLong("sessions_deleted"),
                rs.getLong("metrics_deleted"));
        return new RetentionRun(SqlValues.instant(rs, "started_at"), SqlValues.instant(rs, "finished_at"), deleted,
                rs.getString("error"));
    }
}
