package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import dev.sextant.store.StoreException;
import dev.sextant.store.training.AppendResult;
import dev.sextant.store.training.DownsampleQuery;
import dev.sextant.store.training.MetricPage;
import dev.sextant.store.training.MetricQuery;
import dev.sextant.store.training.MetricSample;
import dev.sextant.store.training.MetricSeries;
import dev.sextant.store.training.NewTrainingRun;
import dev.sextant.store.training.RunError;
import dev.sextant.store.training.RunFinishedException;
import dev.sextant.store.training.RunResources;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunPage;
import dev.sextant.store.training.TrainingRunQuery;
import dev.sextant.store.training.TrainingRunStatus;
import dev.sextant.store.training.TrainingRunStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Training runs, one row each; their points are {@link TrainingMetricLog}'s. */
final class JdbcTrainingRunStore implements TrainingRunStore {
    private final Database database;
    private final Clock clock;
    private final TrainingMetricLog metrics;

    JdbcTrainingRunStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.metrics = new TrainingMetricLog(database, clock);
    }

    @Override
    public TrainingRun create(WorkspaceId workspace, String runId, NewTrainingRun run, Instant startedAt) {
        String id = runId != null ? runId : Ids.next("run_");
        Instant now = now();
        Instant started = startedAt == null ? now : startedAt.truncatedTo(ChronoUnit.MICROS);
        List<Object> values = new ArrayList<>(List.of(workspace.value(), id));
        values.addAll(TrainingRunRows.specValues(run));
        values.addAll(Arrays.asList(TrainingRunStatus.RUNNING.wire(), 0L, now, started));
        String taken = "training run '" + id + "' already exists in this workspace";
        try {
            database.write("creating training run " + id, c -> {
                if (exists(c, workspace, id)) {
                    throw new ConflictException(taken);
                }
                try (PreparedStatement insert = SqlValues.prepare(c, values, "INSERT INTO training_runs (workspace_id, id, "
                        + TrainingRunRows.SPEC_COLUMNS + ", status, point_count, created_at, started_at) VALUES ("
                        + String.join(", ", Collections.nCopies(values.size(), "?")) + ")")) {
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (StoreException e) {
            // two requests creating the same id at once: the primary key decides
            if (e.getCause() instanceof SQLException sql && Conflicts.isUniqueViolation(sql)) {
                throw new ConflictException(taken);
            }
            throw e;
        }
        return find(workspace, id).orElseThrow();
    }

    private static boolean exists(java.sql.Connection c, WorkspaceId workspace, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM training_runs WHERE workspace_id = ? AND id = ?")) {
            select.setString(1, workspace.value());
            select.setString(2, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    @Override
    public Optional<TrainingRun> find(WorkspaceId workspace, String runId) {
        return database.read("reading training run " + runId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + TrainingRunRows.COLUMNS
                    + " FROM training_runs WHERE workspace_id = ? AND id = ?")) {
                select.setString(1, workspace.value());
                select.setString(2, runId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(TrainingRunRows.read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public TrainingRunPage list(WorkspaceId workspace, TrainingRunQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + TrainingRunRows.COLUMNS
                + " FROM training_runs WHERE workspace_id = ?");
        List<Object> values = new ArrayList<>(List.of(workspace.value()));
        if (query.agentId() != null) {
            sql.append(" AND agent_id = ?");
            values.add(query.agentId());
        }
        if (query.status() != null) {
            sql.append(" AND status = ?");
            values.add(query.status().wire());
        }
        if (query.trainingType() != null) {
            sql.append(" AND training_type = ?");
            values.add(query.trainingType().wire());
        }
        String id = database.dialect().byteOrder("id");
        if (query.cursor() != null) {
            TrainingCursor cursor = TrainingCursor.decode(query.cursor());
            Instant after;
            try {
                after = Instant.parse(cursor.first());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cursor is not one this server issued", e);
            }
            sql.append(" AND (created_at < ? OR (created_at = ? AND ").append(id).append(" < ?))");
            values.addAll(List.of(after, after, cursor.second()));
        }
        sql.append(" ORDER BY created_at DESC, ").append(id).append(" DESC LIMIT ").append(query.limit() + 1);
        List<TrainingRun> runs = database.read("listing training runs", c -> {
            try (PreparedStatement select = SqlValues.prepare(c, values, sql.toString());
                    ResultSet rs = select.executeQuery()) {
                List<TrainingRun> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(TrainingRunRows.read(rs));
                }
                return found;
            }
        });
        if (runs.size() <= query.limit()) {
            return new TrainingRunPage(runs, null);
        }
        List<TrainingRun> page = runs.subList(0, query.limit());
        TrainingRun last = page.getLast();
        return new TrainingRunPage(page, new TrainingCursor(last.createdAt().toString(), last.id()).encode());
    }

    @Override
    public Optional<AppendResult> append(WorkspaceId workspace, String runId, List<MetricSample> points) {
        return metrics.append(workspace, runId, points);
    }

    @Override
    public MetricPage points(WorkspaceId workspace, String runId, MetricQuery query) {
        return metrics.points(workspace, runId, query);
    }

    @Override
    public List<MetricSeries> downsampled(WorkspaceId workspace, String runId, DownsampleQuery query) {
        return metrics.downsampled(workspace, runId, query);
    }

    @Override
    public Optional<TrainingRun> setResources(WorkspaceId workspace, String runId, RunResources r) {
        List<Object> values = Arrays.asList(r.gpuHours(), r.peakMemoryGb(), r.costUsd(), r.tokensProcessed(),
                workspace.value(), runId);
        return update(workspace, runId, "setting the resources of training run " + runId, values,
                "UPDATE training_runs SET gpu_hours = ?, peak_memory_gb = ?, cost_usd = ?, tokens_processed = ?"
                        + " WHERE workspace_id = ? AND id = ?");
    }

    @Override
    public Optional<TrainingRun> finish(WorkspaceId workspace, String runId, TrainingRunStatus status, RunError error,
            Instant endedAt) {
        if (!status.finished()) {
            throw new IllegalArgumentException("a run is finished as completed, failed or stopped, not running");
        }
        RunError e = error == null ? new RunError(null, null, null) : error;
        List<Object> values = Arrays.asList(status.wire(), e.type(), e.message(), e.traceback(),
                endedAt.truncatedTo(ChronoUnit.MICROS), workspace.value(), runId, TrainingRunStatus.RUNNING.wire());
        int changed = database.write("finishing training run " + runId, c -> {
            try (PreparedStatement update = SqlValues.prepare(c, values, "UPDATE training_runs SET status = ?,"
                    + " error_type = ?, error_message = ?, error_traceback = ?, ended_at = ?"
                    + " WHERE workspace_id = ? AND id = ? AND status = ?")) {
                return update.executeUpdate();
            }
        });
        Optional<TrainingRun> run = find(workspace, runId);
        if (changed == 0 && run.isPresent()) {
            throw new RunFinishedException(runId, run.get().status(), "only a running run can be finished");
        }
        return run;
    }

    @Override
    public Optional<TrainingRun> setTags(WorkspaceId workspace, String runId, Map<String, String> tags) {
        return compareAndSet(workspace, runId, "tags", current -> {
            Map<String, String> merged = new TreeMap<>(TrainingRunRows.tags(current));
            merged.putAll(tags);
            return TrainingRunRows.json(merged);
        });
    }

    @Override
    public Optional<TrainingRun> setParam(WorkspaceId workspace, String runId, String key, Object value) {
        Objects.requireNonNull(key, "key");
        return compareAndSet(workspace, runId, "hyperparameters", current -> {
            Map<String, Object> params = new LinkedHashMap<>(TrainingRunRows.hyperparameters(current));
            if (params.containsKey(key)) {
                if (String.valueOf(params.get(key)).equals(String.valueOf(value))) {
                    return current;
                }
                throw new ConflictException("parameter '" + key + "' of training run '" + runId + "' is already "
                        + String.valueOf(params.get(key)) + "; a parameter cannot change once set");
            }
            params.put(key, value);
            return TrainingRunRows.json(params);
        });
    }

    @Override
    public Optional<TrainingRun> rename(WorkspaceId workspace, String runId, String name) {
        return update(workspace, runId, "renaming training run " + runId, Arrays.asList(name, workspace.value(), runId),
                "UPDATE training_runs SET name = ? WHERE workspace_id = ? AND id = ?");
    }

    @Override
    public Optional<TrainingRun> removeTag(WorkspaceId workspace, String runId, String key) {
        Objects.requireNonNull(key, "key");
        return compareAndSet(workspace, runId, "tags", current -> {
            Map<String, String> tags = new TreeMap<>(TrainingRunRows.tags(current));
            return tags.remove(key) == null ? current : TrainingRunRows.json(tags);
        });
    }

    /** Rewrites one JSON text column from its current text, only if nobody changed it in between (else retries). */
    private Optional<TrainingRun> compareAndSet(WorkspaceId workspace, String runId, String column,
            java.util.function.UnaryOperator<String> change) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<String> current = database.read("reading training run " + runId, c -> {
                try (PreparedStatement select = c.prepareStatement("SELECT " + column
                        + " FROM training_runs WHERE workspace_id = ? AND id = ?")) {
                    select.setString(1, workspace.value());
                    select.setString(2, runId);
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                }
            });
            if (current.isEmpty()) {
                return Optional.empty();
            }
            String next = change.apply(current.get());
            if (next.equals(current.get())) {
                return find(workspace, runId);
            }
            boolean changed = database.write("changing the " + column + " of training run " + runId, c -> {
                try (PreparedStatement update = SqlValues.prepare(c, List.of(next, workspace.value(), runId,
                        current.get()), "UPDATE training_runs SET " + column + " = ? WHERE workspace_id = ? AND id = ? AND "
                        + column + " = ?")) {
                    return update.executeUpdate() > 0;
                }
            });
            if (changed) {
                return find(workspace, runId);
            }
        }
        throw new ConflictException("the " + column + " of training run '" + runId + "' keep changing; retry");
    }

    private Optional<TrainingRun> update(WorkspaceId workspace, String runId, String what, List<Object> values,
            String sql) {
        database.write(what, c -> {
            try (PreparedStatement update = SqlValues.prepare(c, values, sql)) {
                return update.executeUpdate();
            }
        });
        return find(workspace, runId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
