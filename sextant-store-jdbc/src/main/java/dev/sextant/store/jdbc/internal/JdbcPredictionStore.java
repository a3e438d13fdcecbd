package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.predictions.PredictionModel;
import dev.sextant.store.predictions.PredictionStore;
import dev.sextant.store.predictions.PredictionTarget;
import dev.sextant.store.predictions.TrainingRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Training rows ({@link PredictionRowsSql}) and the versions of trained models. */
final class JdbcPredictionStore implements PredictionStore {
    private static final String COLUMNS = "target, version, trained_at, status, reason, quality, model";
    private static final String SUMMARY_COLUMNS = "target, version, trained_at, status, reason, quality, NULL AS model";

    private final Database database;

    JdbcPredictionStore(Database database) {
        this.database = database;
    }

    @Override
    public List<TrainingRow> trainingRows(WorkspaceId workspace, PredictionTarget target, int limit) {
        if (limit < 1 || limit > MAX_ROWS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_ROWS + ", was " + limit);
        }
        String sql = PredictionRowsSql.sql(database.dialect(), target);
        return database.read("reading " + target.wire() + " training rows", c -> {
            List<TrainingRow> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql)) {
                int n = PredictionRowsSql.workspaceParameters(target);
                for (int i = 1; i <= n; i++) {
                    select.setString(i, workspace.value());
                }
                select.setInt(n + 1, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(PredictionRowsSql.row(rs));
                    }
                }
            }
            rows.sort(Comparator.comparing(TrainingRow::at).thenComparing(TrainingRow::id));
            return rows;
        });
    }

    @Override
    public PredictionModel save(WorkspaceId workspace, PredictionModel m) {
        return database.write("saving a " + m.target().wire() + " prediction model", c -> {
            int version;
            try (PreparedStatement next = c.prepareStatement("SELECT COALESCE(MAX(version), 0) + 1 FROM prediction_models"
                    + " WHERE workspace_id = ? AND target = ?")) {
                next.setString(1, workspace.value());
                next.setString(2, m.target().wire());
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1);
                }
            }
            PredictionModel saved = new PredictionModel(m.target(), version, m.trainedAt().truncatedTo(ChronoUnit.MICROS),
                    m.status(), m.reason(), m.qualityJson(), m.model());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO prediction_models (workspace_id, offered, "
                    + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                SqlValues.bind(insert, Arrays.asList(workspace.value(), saved.offered(), saved.target().wire(), version,
                        saved.trainedAt(), saved.status(), saved.reason(), saved.qualityJson(),
                        saved.model() == null ? null : Base64.getEncoder().encodeToString(saved.model())));
                insert.executeUpdate();
            }
            return saved;
        });
    }

    @Override
    public Optional<PredictionModel> latest(WorkspaceId workspace, PredictionTarget target) {
        return newest(workspace, target, COLUMNS);
    }

    @Override
    public Optional<PredictionModel> latestSummary(WorkspaceId workspace, PredictionTarget target) {
        return newest(workspace, target, SUMMARY_COLUMNS);
    }

    private Optional<PredictionModel> newest(WorkspaceId workspace, PredictionTarget target, String columns) {
        return database.read("reading a prediction model", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + columns + " FROM prediction_models"
                    + " WHERE workspace_id = ? AND target = ? ORDER BY version DESC LIMIT 1")) {
                select.setString(1, workspace.value());
                select.setString(2, target.wire());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<PredictionModel> latest(WorkspaceId workspace) {
        return database.read("reading prediction models", c -> {
            List<PredictionModel> models = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM prediction_models p"
                    + " WHERE workspace_id = ? AND version = (SELECT MAX(q.version) FROM prediction_models q"
                    + " WHERE q.workspace_id = p.workspace_id AND q.target = p.target)")) {
                select.setString(1, workspace.value());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        models.add(read(rs));
                    }
                }
            }
            models.sort(Comparator.comparing(PredictionModel::target));
            return models;
        });
    }

    private static PredictionModel read(ResultSet rs) throws SQLException {
        String model = rs.getString("model");
        PredictionTarget target = PredictionTarget.of(rs.getString("target"))
                .orElseThrow(() -> new IllegalStateException("unknown prediction target in the database"));
        return new PredictionModel(target, rs.getInt("version"), SqlValues.instant(rs, "trained_at"),
                rs.getString("status"), rs.getString("reason"), rs.getString("quality"),
                model == null ? null : Base64.getDecoder().decode(model));
    }
}
