package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentCorrection;
import dev.sextant.store.ExperimentQuery;
import dev.sextant.store.ExperimentSpec;
import dev.sextant.store.ExperimentSpec.Variant;
import dev.sextant.store.ExperimentStatus;
import dev.sextant.store.ExperimentStore;
import dev.sextant.store.ExperimentUnitKind;
import dev.sextant.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Experiments, one row each; the variants as JSON text, the metric lists comma-separated. */
final class JdbcExperimentStore implements ExperimentStore {
    private static final String SPEC_COLUMNS = "name, hypothesis, agent_id, unit, variants, success_metrics,"
            + " guardrails, minimum_sample_size, minimum_detectable_effect, baseline, alpha, power, correction,"
            + " auto_conclude, starts_at, ends_at";
    private static final String COLUMNS = "id, " + SPEC_COLUMNS + ", status, winner, conclusion, created_at,"
            + " updated_at, started_at, stopped_at, concluded_at";

    private final Database database;
    private final Clock clock;

    JdbcExperimentStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<Experiment> list(WorkspaceId workspace, ExperimentQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM experiments WHERE workspace_id = ?");
        List<Object> values = new ArrayList<>(List.of(workspace.value()));
        if (query.status() != null) {
            sql.append(" AND status = ?");
            values.add(query.status().wire());
        }
        if (query.agentId() != null) {
            sql.append(" AND agent_id = ?");
            values.add(query.agentId());
        }
        sql.append(" ORDER BY created_at, ").append(database.dialect().byteOrder("id"));
        return database.read("listing experiments", c -> {
            try (PreparedStatement select = SqlValues.prepare(c, values, sql.toString());
                    ResultSet rs = select.executeQuery()) {
                List<Experiment> experiments = new ArrayList<>();
                while (rs.next()) {
                    experiments.add(read(rs));
                }
                return experiments;
            }
        });
    }

    @Override
    public Optional<Experiment> find(WorkspaceId workspace, String experimentId) {
        return database.read("reading experiment " + experimentId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM experiments"
                    + " WHERE workspace_id = ? AND id = ?")) {
                select.setString(1, workspace.value());
                select.setString(2, experimentId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Experiment add(WorkspaceId workspace, String experimentId, ExperimentSpec spec, ExperimentStatus status) {
        if (status != ExperimentStatus.DRAFT && status != ExperimentStatus.RUNNING) {
            throw new IllegalArgumentException("a new experiment is a draft or running, not " + status.wire());
        }
        String id = experimentId != null ? experimentId : Ids.next("exp_");
        Instant now = now();
        Instant started = status == ExperimentStatus.RUNNING ? now : null;
        List<Object> values = new ArrayList<>(List.of(workspace.value(), id));
        values.addAll(specValues(spec));
        values.addAll(Arrays.asList(status.wire(), now, now, started));
        String taken = "experiment '" + id + "' already exists in this workspace";
        try {
            return database.write("adding experiment " + id, c -> {
                try (PreparedStatement exists = c.prepareStatement(
                        "SELECT COUNT(*) FROM experiments WHERE workspace_id = ? AND id = ?")) {
                    exists.setString(1, workspace.value());
                    exists.setString(2, id);
                    try (ResultSet rs = exists.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            throw new ConflictException(taken);
                        }
                    }
                }
                try (PreparedStatement insert = SqlValues.prepare(c, values, "INSERT INTO experiments (workspace_id, id, "
                        + SPEC_COLUMNS + ", status, created_at, updated_at, started_at) VALUES ("
                        + String.join(", ", Collections.nCopies(values.size(), "?")) + ")")) {
                    insert.executeUpdate();
                }
                return new Experiment(id, spec, status, null, null, now, now, started, null, null);
            });
        } catch (StoreException e) {
            // two requests creating the same id at once: the primary key decides
            if (e.getCause() instanceof SQLException sql && Conflicts.isUniqueViolation(sql)) {
                throw new ConflictException(taken);
            }
            throw e;
        }
    }

    @Override
    public Optional<Experiment> replaceDraft(WorkspaceId workspace, String experimentId, ExperimentSpec spec) {
        List<Object> values = new ArrayList<>(specValues(spec));
        values.addAll(List.of(now(), workspace.value(), experimentId, ExperimentStatus.DRAFT.wire()));
        String assignments = String.join(" = ?, ", SPEC_COLUMNS.split(",\\s*")) + " = ?";
        boolean changed = database.write("replacing experiment " + experimentId, c -> {
            try (PreparedStatement update = SqlValues.prepare(c, values, "UPDATE experiments SET " + assignments
                    + ", updated_at = ? WHERE workspace_id = ? AND id = ? AND status = ?")) {
                return update.executeUpdate() > 0;
            }
        });
        return changed ? find(workspace, experimentId) : Optional.empty();
    }

    @Override
    public Optional<Experiment> transition(WorkspaceId workspace, String experimentId, Set<ExperimentStatus> from,
            ExperimentStatus to, Instant at) {
        if (from.isEmpty()) {
            return Optional.empty();
        }
        String stamp = switch (to) {
            case RUNNING -> ", started_at = ?";
            case STOPPED -> ", stopped_at = ?";
            case CONCLUDED -> ", concluded_at = ?";
            case DRAFT -> "";
        };
        List<Object> values = new ArrayList<>(List.of(to.wire(), now()));
        if (!stamp.isEmpty()) {
            values.add(at.truncatedTo(ChronoUnit.MICROS));
        }
        values.addAll(List.of(workspace.value(), experimentId));
        from.stream().map(ExperimentStatus::wire).sorted().forEach(values::add);
        String sql = "UPDATE experiments SET status = ?, updated_at = ?" + stamp + " WHERE workspace_id = ? AND id = ?"
                + " AND status IN (" + String.join(", ", Collections.nCopies(from.size(), "?")) + ")";
        boolean changed = database.write("moving experiment " + experimentId + " to " + to.wire(), c -> {
            try (PreparedStatement update = SqlValues.prepare(c, values, sql)) {
                return update.executeUpdate() > 0;
            }
        });
        return changed ? find(workspace, experimentId) : Optional.empty();
    }

    @Override
    public Optional<Experiment> conclude(WorkspaceId workspace, String experimentId, String winner, String conclusion,
            Instant at) {
        List<Object> values = Arrays.asList(ExperimentStatus.CONCLUDED.wire(), winner, conclusion,
                at.truncatedTo(ChronoUnit.MICROS), now(), workspace.value(), experimentId,
                ExperimentStatus.RUNNING.wire(), ExperimentStatus.STOPPED.wire());
        boolean changed = database.write("concluding experiment " + experimentId, c -> {
            try (PreparedStatement update = SqlValues.prepare(c, values, "UPDATE experiments SET status = ?, winner = ?,"
                    + " conclusion = ?, concluded_at = ?, updated_at = ? WHERE workspace_id = ? AND id = ?"
                    + " AND status IN (?, ?)")) {
                return update.executeUpdate() > 0;
            }
        });
        return changed ? find(workspace, experimentId) : Optional.empty();
    }

    @Override
    public boolean deleteDraft(WorkspaceId workspace, String experimentId) {
        return database.write("deleting experiment " + experimentId, c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM experiments WHERE workspace_id = ? AND id = ? AND status = ?")) {
                delete.setString(1, workspace.value());
                delete.setString(2, experimentId);
                delete.setString(3, ExperimentStatus.DRAFT.wire());
                return delete.executeUpdate() > 0;
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static List<Object> specValues(ExperimentSpec s) {
        return Arrays.asList(s.name(), s.hypothesis(), s.agentId(), s.unit().wire(), ExperimentVariantsJson.write(s.variants()),
                String.join(",", s.successMetrics()), String.join(",", s.guardrails()), s.minimumSampleSize(),
                s.minimumDetectableEffect(), s.baseline(), s.alpha(), s.power(), s.correction().wire(), s.autoConclude(),
                truncated(s.startsAt()), truncated(s.endsAt()));
    }

    private static Instant truncated(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    private static List<String> names(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split(","));
    }

    private static Experiment read(ResultSet rs) throws SQLException {
        List<Variant> variants = ExperimentVariantsJson.read(rs.getString("variants"));
        ExperimentSpec spec = new ExperimentSpec(rs.getString("name"), rs.getString("hypothesis"),
                rs.getString("agent_id"), ExperimentUnitKind.fromWire(rs.getString("unit")).orElseThrow(), variants,
                names(rs.getString("success_metrics")), names(rs.getString("guardrails")),
                SqlValues.nullableLong(rs, "minimum_sample_size"), SqlValues.nullableDouble(rs, "minimum_detectable_effect"),
                SqlValues.nullableDouble(rs, "baseline"), rs.getDouble("alpha"), rs.getDouble("power"),
                ExperimentCorrection.fromWire(rs.getString("correction")), rs.getBoolean("auto_conclude"),
                SqlValues.instant(rs, "starts_at"), SqlValues.instant(rs, "ends_at"));
        return new Experiment(rs.getString("id"), spec, ExperimentStatus.fromWire(rs.getString("status")),
                rs.getString("winner"), rs.getString("conclusion"), SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"), SqlValues.instant(rs, "started_at"),
                SqlValues.instant(rs, "stopped_at"), SqlValues.instant(rs, "concluded_at"));
    }
}
