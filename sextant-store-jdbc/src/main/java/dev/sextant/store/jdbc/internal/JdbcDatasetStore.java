package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.datasets.Dataset;
import dev.sextant.store.datasets.DatasetResult;
import dev.sextant.store.datasets.DatasetStatus;
import dev.sextant.store.datasets.DatasetStore;
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

/** Datasets, one row each with the report as JSON text; every statement names the workspace. */
final class JdbcDatasetStore implements DatasetStore {
    private static final String COLUMNS = "id, name, format, status, bytes, lines_read, records, score, training_ready,"
            + " error, created_at, upload_started_at, finished_at";

    private final Database database;
    private final Clock clock;

    JdbcDatasetStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Dataset create(WorkspaceId workspace, String name, String format) {
        Dataset d = new Dataset(Ids.next("ds_"), name, format, DatasetStatus.UPLOADING, 0, 0, null, null, null, null,
                now(), null, null);
        return database.write("creating dataset " + d.id(), c -> {
            try (PreparedStatement insert = SqlValues.prepare(c, Arrays.asList(workspace.value(), d.id(), name, format,
                    d.status().wire(), 0L, 0L, d.createdAt()), "INSERT INTO datasets (workspace_id, id, name, format, status,"
                    + " bytes, lines_read, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.executeUpdate();
            }
            return d;
        });
    }

    @Override
    public Optional<Dataset> find(WorkspaceId workspace, String datasetId) {
        return database.read("reading dataset " + datasetId, c -> {
            try (PreparedStatement select = SqlValues.prepare(c, Arrays.asList(workspace.value(), datasetId),
                    "SELECT " + COLUMNS + " FROM datasets WHERE workspace_id = ? AND id = ?");
                    ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(dataset(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public List<Dataset> list(WorkspaceId workspace) {
        return database.read("listing datasets", c -> {
            try (PreparedStatement select = SqlValues.prepare(c, Arrays.asList(workspace.value()), "SELECT " + COLUMNS
                    + " FROM datasets WHERE workspace_id = ? ORDER BY created_at DESC, " + database.dialect().byteOrder("id"));
                    ResultSet rs = select.executeQuery()) {
                List<Dataset> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(dataset(rs));
                }
                return found;
            }
        });
    }

    @Override
    public boolean startUpload(WorkspaceId workspace, String datasetId) {
        return update("starting the upload of dataset " + datasetId, "UPDATE datasets SET upload_started_at = ?"
                + " WHERE workspace_id = ? AND id = ? AND status = 'uploading' AND upload_started_at IS NULL",
                now(), workspace.value(), datasetId) == 1;
    }

    @Override
    public void progress(WorkspaceId workspace, String datasetId, long bytes, long lines) {
        update("recording the progress of dataset " + datasetId, "UPDATE datasets SET bytes = ?, lines_read = ?"
                + " WHERE workspace_id = ? AND id = ? AND status = 'uploading'", bytes, lines, workspace.value(), datasetId);
    }

    @Override
    public void analyzing(WorkspaceId workspace, String datasetId, long bytes, long lines) {
        update("marking dataset " + datasetId + " analyzing", "UPDATE datasets SET status = 'analyzing', bytes = ?,"
                + " lines_read = ? WHERE workspace_id = ? AND id = ? AND status = 'uploading'", bytes, lines,
                workspace.value(), datasetId);
    }

    @Override
    public void ready(WorkspaceId workspace, String datasetId, DatasetResult r) {
        update("storing the report of dataset " + datasetId, "UPDATE datasets SET status = 'ready', format = ?, bytes = ?,"
                + " lines_read = ?, records = ?, score = ?, training_ready = ?, report = ?, finished_at = ?"
                + " WHERE workspace_id = ? AND id = ? AND status IN ('uploading', 'analyzing')", r.format(), r.bytes(),
                r.lines(), r.records(), r.score(), r.trainingReady(), r.reportJson(), now(), workspace.value(), datasetId);
    }

    @Override
    public void fail(WorkspaceId workspace, String datasetId, long bytes, long lines, String error) {
        update("marking dataset " + datasetId + " failed", "UPDATE datasets SET status = 'failed', bytes = ?, lines_read = ?,"
                + " error = ?, finished_at = ? WHERE workspace_id = ? AND id = ? AND status IN ('uploading', 'analyzing')",
                bytes, lines, error, now(), workspace.value(), datasetId);
    }

    @Override
    public Optional<String> report(WorkspaceId workspace, String datasetId) {
        return database.read("reading the report of dataset " + datasetId, c -> {
            try (PreparedStatement select = SqlValues.prepare(c, Arrays.asList(workspace.value(), datasetId),
                    "SELECT report FROM datasets WHERE workspace_id = ? AND id = ? AND report IS NOT NULL");
                    ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    @Override
    public boolean delete(WorkspaceId workspace, String datasetId) {
        return update("deleting dataset " + datasetId, "DELETE FROM datasets WHERE workspace_id = ? AND id = ?",
                workspace.value(), datasetId) == 1;
    }

    private int update(String what, String sql, Object... values) {
        return database.write(what, c -> {
            try (PreparedStatement statement = SqlValues.prepare(c, Arrays.asList(values), sql)) {
                return statement.executeUpdate();
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Dataset dataset(ResultSet rs) throws SQLException {
        return new Dataset(rs.getString("id"), rs.getString("name"), rs.getString("format"),
                DatasetStatus.fromWire(rs.getString("status")), rs.getLong("bytes"), rs.getLong("lines_read"),
                SqlValues.nullableLong(rs, "records"), SqlValues.nullableDouble(rs, "score"),
                SqlValues.nullableBoolean(rs, "training_ready"), rs.getString("error"), SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "upload_started_at"), SqlValues.instant(rs, "finished_at"));
    }
}
