package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import dev.sextant.store.StoreException;
import dev.sextant.store.mlflow.LifecycleStage;
import dev.sextant.store.mlflow.MlflowExperiment;
import dev.sextant.store.mlflow.MlflowRunLink;
import dev.sextant.store.mlflow.MlflowStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** MLflow experiments and run links (mlflow_experiments, mlflow_runs); the runs themselves are training_runs. */
final class JdbcMlflowStore implements MlflowStore {
    private static final String EXPERIMENT_COLUMNS = "id, name, artifact_location, lifecycle_stage, tags, created_at,"
            + " updated_at";
    private static final String RUN_COLUMNS = "run_id, experiment_id, user_id, lifecycle_stage, created_at";
    /** Two writers picking the same next id on PostgreSQL: the primary key refuses one, which tries again. */
    private static final int ATTEMPTS = 5;

    private final Database database;
    private final Clock clock;

    JdbcMlflowStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public MlflowExperiment createExperiment(WorkspaceId workspace, String name, String artifactLocation,
            Map<String, String> tags) {
        for (int attempt = 1; ; attempt++) {
            try {
                long id = database.write("creating MLflow experiment " + name, c -> {
                    if (named(c, workspace, name).isPresent()) {
                        throw taken(name);
                    }
                    long next;
                    try (PreparedStatement select = c.prepareStatement(
                            "SELECT COALESCE(MAX(id), 0) + 1 FROM mlflow_experiments WHERE workspace_id = ?")) {
                        select.setString(1, workspace.value());
                        try (ResultSet rs = select.executeQuery()) {
                            rs.next();
                            next = rs.getLong(1);
                        }
                    }
                    insert(c, workspace, next, name, artifactLocation, tags);
                    return next;
                });
                return experiment(workspace, id).orElseThrow();
            } catch (StoreException e) {
                if (!(e.getCause() instanceof SQLException sql && Conflicts.isUniqueViolation(sql))) {
                    throw e;
                }
                if (experimentNamed(workspace, name).isPresent()) {
                    throw taken(name);
                }
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("experiments are being created too fast in this workspace; retry");
                }
            }
        }
    }

    private static ConflictException taken(String name) {
        return new ConflictException("experiment '" + name + "' already exists in this workspace");
    }

    private void insert(Connection c, WorkspaceId workspace, long id, String name, String artifactLocation,
            Map<String, String> tags) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String location = artifactLocation == null ? "mlflow-artifacts:/" + id : artifactLocation;
        List<Object> values = List.of(workspace.value(), id, name, location, LifecycleStage.ACTIVE.wire(),
                JsonCodec.write(new TreeMap<>(tags == null ? Map.of() : tags)), now, now);
        try (PreparedStatement insert = SqlValues.prepare(c, values, "INSERT INTO mlflow_experiments (workspace_id, "
                + EXPERIMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.executeUpdate();
        }
    }

    @Override
    public MlflowExperiment defaultExperiment(WorkspaceId workspace) {
        Optional<MlflowExperiment> found = experiment(workspace, DEFAULT_EXPERIMENT_ID);
        if (found.isPresent()) {
            return found.get();
        }
        try {
            database.write("creating the default MLflow experiment", c -> {
                if (byId(c, workspace, DEFAULT_EXPERIMENT_ID).isEmpty()) {
                    insert(c, workspace, DEFAULT_EXPERIMENT_ID, DEFAULT_EXPERIMENT_NAME, null, Map.of());
                }
                return null;
            });
        } catch (StoreException e) {
            // made at the same moment by another request (the id is taken), or the name "Default" is
            // taken by an experiment of the workspace: either way, read what is there
            if (!(e.getCause() instanceof SQLException sql && Conflicts.isUniqueViolation(sql))) {
                throw e;
            }
        }
        return experiment(workspace, DEFAULT_EXPERIMENT_ID).orElseThrow(() -> new ConflictException(
                "the name 'Default' is taken by another experiment, so experiment 0 cannot be made"));
    }

    @Override
    public Optional<MlflowExperiment> experiment(WorkspaceId workspace, long experimentId) {
        return database.read("reading MLflow experiment " + experimentId, c -> byId(c, workspace, experimentId));
    }

    @Override
    public Optional<MlflowExperiment> experimentNamed(WorkspaceId workspace, String name) {
        return database.read("reading MLflow experiment " + name, c -> named(c, workspace, name));
    }

    private static Optional<MlflowExperiment> byId(Connection c, WorkspaceId workspace, long id) throws SQLException {
        return one(c, "SELECT " + EXPERIMENT_COLUMNS + " FROM mlflow_experiments WHERE workspace_id = ? AND id = ?",
                workspace.value(), id);
    }

    private static Optional<MlflowExperiment> named(Connection c, WorkspaceId workspace, String name) throws SQLException {
        return one(c, "SELECT " + EXPERIMENT_COLUMNS + " FROM mlflow_experiments WHERE workspace_id = ? AND name = ?",
                workspace.value(), name);
    }

    private static Optional<MlflowExperiment> one(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement select = SqlValues.prepare(c, List.of(values), sql); ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(experiment(rs)) : Optional.empty();
        }
    }

    @Override
    public List<MlflowExperiment> experiments(WorkspaceId workspace, int limit) {
        checkLimit(limit);
        return database.read("listing MLflow experiments", c -> {
            try (PreparedStatement select = SqlValues.prepare(c, List.of(workspace.value()), "SELECT " + EXPERIMENT_COLUMNS
                    + " FROM mlflow_experiments WHERE workspace_id = ? ORDER BY id LIMIT " + limit);
                    ResultSet rs = select.executeQuery()) {
                List<MlflowExperiment> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(experiment(rs));
                }
                return found;
            }
        });
    }

    private static MlflowExperiment experiment(ResultSet rs) throws SQLException {
        return new MlflowExperiment(rs.getLong("id"), rs.getString("name"), rs.getString("artifact_location"),
                LifecycleStage.fromWire(rs.getString("lifecycle_stage")), JsonCodec.stringMap(rs.getString("tags")),
                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"));
    }

    @Override
    public MlflowRunLink linkRun(WorkspaceId workspace, String runId, long experimentId, String userId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Object> values = java.util.Arrays.asList(workspace.value(), runId, experimentId, userId,
                LifecycleStage.ACTIVE.wire(), now);
        try {
            database.write("linking run " + runId + " to MLflow experiment " + experimentId, c -> {
                try (PreparedStatement insert = SqlValues.prepare(c, values, "INSERT INTO mlflow_runs (workspace_id, "
                        + RUN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                    return insert.executeUpdate();
                }
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Conflicts.isUniqueViolation(sql)) {
                throw new ConflictException("run '" + runId + "' already belongs to an experiment");
            }
            throw e;
        }
        return run(workspace, runId).orElseThrow();
    }

    @Override
    public Optional<MlflowRunLink> run(WorkspaceId workspace, String runId) {
        return database.read("reading the MLflow link of run " + runId, c -> {
            try (PreparedStatement select = SqlValues.prepare(c, List.of(workspace.value(), runId), "SELECT " + RUN_COLUMNS
                    + " FROM mlflow_runs WHERE workspace_id = ? AND run_id = ?"); ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(link(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public List<MlflowRunLink> runs(WorkspaceId workspace, List<Long> experimentIds, int limit) {
        checkLimit(limit);
        if (experimentIds.isEmpty()) {
            return List.of();
        }
        List<Object> values = new ArrayList<>();
        values.add(workspace.value());
        values.addAll(experimentIds);
        String sql = "SELECT " + RUN_COLUMNS + " FROM mlflow_runs WHERE workspace_id = ? AND experiment_id IN ("
                + String.join(", ", Collections.nCopies(experimentIds.size(), "?")) + ") ORDER BY created_at DESC, "
                + database.dialect().byteOrder("run_id") + " LIMIT " + limit;
        return database.read("listing MLflow runs", c -> {
            try (PreparedStatement select = SqlValues.prepare(c, values, sql); ResultSet rs = select.executeQuery()) {
                List<MlflowRunLink> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(link(rs));
                }
                return found;
            }
        });
    }

    private static MlflowRunLink link(ResultSet rs) throws SQLException {
        return new MlflowRunLink(rs.getString("run_id"), rs.getLong("experiment_id"), rs.getString("user_id"),
                LifecycleStage.fromWire(rs.getString("lifecycle_stage")), SqlValues.instant(rs, "created_at"));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + ", was " + limit);
        }
    }
}
