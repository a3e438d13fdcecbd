package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.StoreException;
import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoMethod;
import dev.sextant.store.hpo.HpoStudy;
import dev.sextant.store.hpo.HpoStudySpec;
import dev.sextant.store.hpo.HpoStudyStore;
import dev.sextant.store.hpo.HpoTrial;
import dev.sextant.store.hpo.HpoTrialSpec;
import dev.sextant.store.hpo.HpoTrialStatus;
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

/** Studies one row each, trials one row each; the space and the hyperparameters as JSON text. */
final class JdbcHpoStudyStore implements HpoStudyStore {
    private static final String STUDY_COLUMNS = "s.id, s.name, s.agent_id, s.method, s.metric, s.direction, s.search_space,"
            + " s.baseline_hyperparameters, s.baseline_score, s.seed, s.created_at,"
            + " (SELECT COUNT(*) FROM hpo_trials t WHERE t.workspace_id = s.workspace_id AND t.study_id = s.id) AS trial_count";
    private static final String TRIAL_COLUMNS = "id, number, hyperparameters, score, training_time_seconds,"
            + " convergence_epoch, overfitting, run_id, status, created_at";
    /** Two trials posted at once may both read the same last number; the unique key sends one back to try again. */
    private static final int NUMBER_ATTEMPTS = 5;

    private final Database database;
    private final Clock clock;

    JdbcHpoStudyStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public HpoStudy addStudy(WorkspaceId workspace, HpoStudySpec spec) {
        String id = Ids.next("hpo_");
        Instant now = now();
        List<Object> values = Arrays.asList(workspace.value(), id, spec.name(), spec.agentId(), spec.method().wire(),
                spec.metric(), spec.direction().wire(), HpoJson.space(spec.searchSpace()),
                HpoJson.values(spec.baselineHyperparameters()), spec.baselineScore(), spec.seed(), now);
        database.write("adding study " + id, c -> {
            try (PreparedStatement insert = SqlValues.prepare(c, values, "INSERT INTO hpo_studies (workspace_id, id, name,"
                    + " agent_id, method, metric, direction, search_space, baseline_hyperparameters, baseline_score, seed,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                return insert.executeUpdate();
            }
        });
        return new HpoStudy(id, spec, now, 0);
    }

    @Override
    public Optional<HpoStudy> findStudy(WorkspaceId workspace, String studyId) {
        return database.read("reading study " + studyId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + STUDY_COLUMNS
                    + " FROM hpo_studies s WHERE s.workspace_id = ? AND s.id = ?")) {
                select.setString(1, workspace.value());
                select.setString(2, studyId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(study(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<HpoStudy> listStudies(WorkspaceId workspace) {
        return database.read("listing studies", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + STUDY_COLUMNS + " FROM hpo_studies s"
                    + " WHERE s.workspace_id = ? ORDER BY s.created_at, " + database.dialect().byteOrder("s.id"))) {
                select.setString(1, workspace.value());
                try (ResultSet rs = select.executeQuery()) {
                    List<HpoStudy> studies = new ArrayList<>();
                    while (rs.next()) {
                        studies.add(study(rs));
                    }
                    return studies;
                }
            }
        });
    }

    @Override
    public Optional<HpoTrial> addTrial(WorkspaceId workspace, String studyId, HpoTrialSpec trial) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tryAddTrial(workspace, studyId, trial);
            } catch (StoreException e) {
                boolean taken = e.getCause() instanceof SQLException sql && Conflicts.isUniqueViolation(sql);
                if (!taken || attempt == NUMBER_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Optional<HpoTrial> tryAddTrial(WorkspaceId workspace, String studyId, HpoTrialSpec trial) {
        String id = Ids.next("trial_");
        Instant now = now();
        return database.write("adding a trial to study " + studyId, c -> {
            long last;
            try (PreparedStatement select = c.prepareStatement("SELECT (SELECT COUNT(*) FROM hpo_studies"
                    + " WHERE workspace_id = ? AND id = ?), (SELECT MAX(number) FROM hpo_trials"
                    + " WHERE workspace_id = ? AND study_id = ?)")) {
                select.setString(1, workspace.value());
                select.setString(2, studyId);
                select.setString(3, workspace.value());
                select.setString(4, studyId);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return Optional.<HpoTrial>empty();
                    }
                    last = rs.getLong(2);
                }
            }
            long number = last + 1;
            List<Object> values = Arrays.asList(workspace.value(), studyId, id, number,
                    HpoJson.values(trial.hyperparameters()), trial.score(), trial.trainingTimeSeconds(),
                    trial.convergenceEpoch(), trial.overfitting(), trial.runId(), trial.status().wire(), now);
            try (PreparedStatement insert = SqlValues.prepare(c, values, "INSERT INTO hpo_trials (workspace_id, study_id,"
                    + " id, number, hyperparameters, score, training_time_seconds, convergence_epoch, overfitting, run_id,"
                    + " status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.executeUpdate();
            }
            return Optional.of(new HpoTrial(id, number, trial, now));
        });
    }

    @Override
    public List<HpoTrial> listTrials(WorkspaceId workspace, String studyId) {
        return database.read("listing the trials of study " + studyId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + TRIAL_COLUMNS + " FROM hpo_trials"
                    + " WHERE workspace_id = ? AND study_id = ? ORDER BY number")) {
                select.setString(1, workspace.value());
                select.setString(2, studyId);
                try (ResultSet rs = select.executeQuery()) {
                    List<HpoTrial> trials = new ArrayList<>();
                    while (rs.next()) {
                        trials.add(trial(rs));
                    }
                    return trials;
                }
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static HpoStudy study(ResultSet rs) throws SQLException {
        HpoStudySpec spec = new HpoStudySpec(rs.getString("name"), rs.getString("agent_id"),
                HpoMethod.fromWire(rs.getString("method")).orElseThrow(), rs.getString("metric"),
                HpoDirection.fromWire(rs.getString("direction")).orElseThrow(), HpoJson.space(rs.getString("search_space")),
                HpoJson.values(rs.getString("baseline_hyperparameters")), SqlValues.nullableDouble(rs, "baseline_score"),
                rs.getLong("seed"));
        return new HpoStudy(rs.getString("id"), spec, SqlValues.instant(rs, "created_at"), rs.getLong("trial_count"));
    }

    private static HpoTrial trial(ResultSet rs) throws SQLException {
        HpoTrialSpec spec = new HpoTrialSpec(HpoJson.values(rs.getString("hyperparameters")),
                SqlValues.nullableDouble(rs, "score"), SqlValues.nullableDouble(rs, "training_time_seconds"),
                SqlValues.nullableInt(rs, "convergence_epoch"), SqlValues.nullableBoolean(rs, "overfitting"),
                rs.getString("run_id"), HpoTrialStatus.fromWire(rs.getString("status")).orElseThrow());
        return new HpoTrial(rs.getString("id"), rs.getLong("number"), spec, SqlValues.instant(rs, "created_at"));
    }
}
