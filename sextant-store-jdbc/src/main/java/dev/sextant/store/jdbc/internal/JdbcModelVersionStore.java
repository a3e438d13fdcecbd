package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import dev.sextant.store.StoreException;
import dev.sextant.store.models.ModelEvaluation;
import dev.sextant.store.models.ModelVersion;
import dev.sextant.store.models.ModelVersionStore;
import dev.sextant.store.models.NewEvaluation;
import dev.sextant.store.models.NewModelVersion;
import dev.sextant.store.training.TrainingType;
import java.sql.Connection;
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
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Model versions and evaluations, one row each. The parent and the label are checked inside the
 * writing transaction; the unique key on (workspace, agent, label) and the primary key decide
 * between two requests racing for the same label or id.
 */
final class JdbcModelVersionStore implements ModelVersionStore {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, Double>> METRICS = new TypeReference<>() {};
    private static final String VERSION_COLUMNS = "id, agent_id, version_label, model_id, base_model, parent_version_id,"
            + " run_id, training_type, deployed_at, notes, tags, created_at";
    private static final String EVALUATION_COLUMNS = "id, version_id, benchmark, metrics, primary_metric, dataset,"
            + " sample_size, evaluated_at, created_at";

    private final Database database;
    private final Clock clock;

    JdbcModelVersionStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public ModelVersion add(WorkspaceId workspace, NewModelVersion v) {
        String id = v.id() != null ? v.id() : Ids.next("mv_");
        if (id.equals(v.parentVersionId())) {
            throw new IllegalArgumentException("version '" + id + "' cannot be its own parent");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ModelVersion stored = new ModelVersion(id, v.agentId(), v.versionLabel(), v.modelId(), v.baseModel(),
                v.parentVersionId(), v.runId(), v.trainingType(), micros(v.deployedAt()), v.notes(), v.tags(), now);
        try {
            return database.write("adding model version " + id, c -> {
                if (v.parentVersionId() != null) {
                    Optional<ModelVersion> parent = find(c, workspace, v.parentVersionId());
                    if (parent.isEmpty() || !parent.get().agentId().equals(v.agentId())) {
                        throw new IllegalArgumentException("parent version '" + v.parentVersionId()
                                + "' is not a version of agent '" + v.agentId() + "' in this workspace");
                    }
                }
                if (find(c, workspace, id).isPresent()) {
                    throw new ConflictException(idTaken(id));
                }
                if (labelTaken(c, workspace, v.agentId(), v.versionLabel())) {
                    throw new ConflictException(labelTaken(v));
                }
                List<Object> values = Arrays.asList(workspace.value(), id, v.agentId(), v.versionLabel(), v.modelId(),
                        v.baseModel(), v.parentVersionId(), v.runId(),
                        v.trainingType() == null ? null : v.trainingType().wire(), stored.deployedAt(), v.notes(),
                        MAPPER.writeValueAsString(v.tags()), now);
                try (PreparedStatement insert = SqlValues.prepare(c, values, "INSERT INTO model_versions (workspace_id, "
                        + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.executeUpdate();
                }
                return stored;
            });
        } catch (StoreException e) {
            // two requests at once: the keys decide, and the loser learns which
            if (e.getCause() instanceof SQLException sql && Conflicts.isUniqueViolation(sql)) {
                throw new ConflictException(find(workspace, id).isPresent() ? idTaken(id) : labelTaken(v));
            }
            throw e;
        }
    }

    private static String idTaken(String id) {
        return "model version '" + id + "' already exists in this workspace";
    }

    private static String labelTaken(NewModelVersion v) {
        return "agent '" + v.agentId() + "' already has a version labelled '" + v.versionLabel() + "'";
    }

    private static boolean labelTaken(Connection c, WorkspaceId workspace, String agent, String label) throws SQLException {
        try (PreparedStatement s = SqlValues.prepare(c, List.of(workspace.value(), agent, label),
                "SELECT COUNT(*) FROM model_versions WHERE workspace_id = ? AND agent_id = ? AND version_label = ?");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    @Override
    public Optional<ModelVersion> find(WorkspaceId workspace, String versionId) {
        return database.read("reading model version " + versionId, c -> find(c, workspace, versionId));
    }

    private static Optional<ModelVersion> find(Connection c, WorkspaceId workspace, String id) throws SQLException {
        try (PreparedStatement s = SqlValues.prepare(c, List.of(workspace.value(), id),
                "SELECT " + VERSION_COLUMNS + " FROM model_versions WHERE workspace_id = ? AND id = ?");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(version(rs)) : Optional.empty();
        }
    }

    @Override
    public List<ModelVersion> list(WorkspaceId workspace, String agentId) {
        List<Object> values = new ArrayList<>(List.of(workspace.value()));
        String sql = "SELECT " + VERSION_COLUMNS + " FROM model_versions WHERE workspace_id = ?";
        if (agentId != null) {
            sql += " AND agent_id = ?";
            values.add(agentId);
        }
        String query = sql + " ORDER BY COALESCE(deployed_at, created_at), " + database.dialect().byteOrder("id");
        return database.read("listing model versions", c -> {
            List<ModelVersion> found = new ArrayList<>();
            try (PreparedStatement s = SqlValues.prepare(c, values, query); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(version(rs));
                }
            }
            return found;
        });
    }

    @Override
    public Optional<ModelEvaluation> addEvaluation(WorkspaceId workspace, String versionId, NewEvaluation e) {
        String id = Ids.next("ev_");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ModelEvaluation stored = new ModelEvaluation(id, versionId, e.benchmark(), e.metrics(), e.primaryMetric(),
                e.dataset(), e.sampleSize(), micros(e.evaluatedAt()), now);
        return database.write("adding an evaluation of model version " + versionId, c -> {
            if (find(c, workspace, versionId).isEmpty()) {
                return Optional.empty();
            }
            List<Object> values = Arrays.asList(workspace.value(), id, versionId, e.benchmark(),
                    MAPPER.writeValueAsString(e.metrics()), e.primaryMetric(), e.dataset(), e.sampleSize(),
                    stored.evaluatedAt(), now);
            try (PreparedStatement insert = SqlValues.prepare(c, values, "INSERT INTO model_evaluations (workspace_id, "
                    + EVALUATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.executeUpdate();
            }
            return Optional.of(stored);
        });
    }

    @Override
    public List<ModelEvaluation> evaluations(WorkspaceId workspace, String versionId) {
        return evaluations("reading the evaluations of model version " + versionId, "e.version_id = ?",
                List.of(workspace.value(), versionId));
    }

    @Override
    public List<ModelEvaluation> evaluationsOfAgent(WorkspaceId workspace, String agentId) {
        return evaluations("reading the evaluations of agent " + agentId, "e.version_id IN (SELECT v.id FROM"
                + " model_versions v WHERE v.workspace_id = e.workspace_id AND v.agent_id = ?)",
                List.of(workspace.value(), agentId));
    }

    private List<ModelEvaluation> evaluations(String what, String predicate, List<Object> values) {
        String sql = "SELECT " + EVALUATION_COLUMNS.replaceAll("(^|, )", "$1e.") + " FROM model_evaluations e"
                + " WHERE e.workspace_id = ? AND " + predicate + " ORDER BY e.evaluated_at, "
                + database.dialect().byteOrder("e.id");
        return database.read(what, c -> {
            List<ModelEvaluation> found = new ArrayList<>();
            try (PreparedStatement s = SqlValues.prepare(c, values, sql); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    SortedMap<String, Double> metrics = MAPPER.readValue(rs.getString("metrics"), METRICS);
                    found.add(new ModelEvaluation(rs.getString("id"), rs.getString("version_id"),
                            rs.getString("benchmark"), metrics, rs.getString("primary_metric"), rs.getString("dataset"),
                            SqlValues.nullableLong(rs, "sample_size"), SqlValues.instant(rs, "evaluated_at"),
                            SqlValues.instant(rs, "created_at")));
                }
            }
            return found;
        });
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    private static ModelVersion version(ResultSet rs) throws SQLException {
        String type = rs.getString("training_type");
        List<String> tags = JsonCodec.strings(rs.getString("tags"));
        return new ModelVersion(rs.getString("id"), rs.getString("agent_id"), rs.getString("version_label"),
                rs.getString("model_id"), rs.getString("base_model"), rs.getString("parent_version_id"),
                rs.getString("run_id"), type == null ? null : TrainingType.find(type).orElseThrow(),
                SqlValues.instant(rs, "deployed_at"), rs.getString("notes"), tags, SqlValues.instant(rs, "created_at"));
    }
}
