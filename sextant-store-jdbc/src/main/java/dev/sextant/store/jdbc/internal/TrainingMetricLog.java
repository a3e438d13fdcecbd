package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.training.AppendResult;
import dev.sextant.store.training.DownsampleQuery;
import dev.sextant.store.training.MetricBucket;
import dev.sextant.store.training.MetricPage;
import dev.sextant.store.training.MetricQuery;
import dev.sextant.store.training.MetricSample;
import dev.sextant.store.training.MetricSeries;
import dev.sextant.store.training.RunFinishedException;
import dev.sextant.store.training.TrainingRunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The training_metrics log: appends in bulk (DuckDB's appender; COPY on PostgreSQL), exact reads
 * by (step, seq) keyset, and downsampling in SQL.
 */
final class TrainingMetricLog {
    /** A value strictly between -inf and +inf; NaN is neither (both databases sort NaN above +inf). */
    private static final String FINITE = "CASE WHEN value > CAST('-Infinity' AS FLOAT8)"
            + " AND value < CAST('Infinity' AS FLOAT8) THEN value END";

    private final Database database;
    private final Clock clock;

    TrainingMetricLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    Optional<AppendResult> append(WorkspaceId workspace, String runId, List<MetricSample> points) {
        return database.write("logging " + points.size() + " points to training run " + runId, c -> {
            Long lastStep;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT status, last_step FROM training_runs WHERE workspace_id = ? AND id = ?")) {
                select.setString(1, workspace.value());
                select.setString(2, runId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    TrainingRunStatus status = TrainingRunStatus.fromWire(rs.getString("status"));
                    if (status.finished()) {
                        throw finished(runId, status);
                    }
                    lastStep = SqlValues.nullableLong(rs, "last_step");
                }
            }
            long highest = lastStep == null ? Long.MIN_VALUE : lastStep;
            int outOfOrder = 0;
            for (MetricSample p : points) {
                if (p.step() < highest) {
                    outOfOrder++;
                }
                highest = Math.max(highest, p.step());
            }
            if (points.isEmpty()) {
                return Optional.of(new AppendResult(0, 0, lastStep == null ? -1 : lastStep));
            }
            long base = reserve(c, workspace, runId, points.size(), highest);
            List<Object[]> rows = new ArrayList<>(points.size());
            for (int i = 0; i < points.size(); i++) {
                MetricSample p = points.get(i);
                rows.add(new Object[] {workspace.value(), runId, base + i, p.step(), p.epoch(), p.name(), p.value(),
                        p.timestamp() == null ? null : SqlValues.time(p.timestamp().truncatedTo(ChronoUnit.MICROS))});
            }
            if (database.dialect() == Dialect.DUCKDB) {
                AppenderStageLoader.appendRows(c, null, "training_metrics", rows);
            } else {
                insert(c, rows);
            }
            return Optional.of(new AppendResult(points.size(), outOfOrder, highest));
        });
    }

    /** Moves the run's counters (locking its row on PostgreSQL) and answers the first seq of this batch. */
    private long reserve(Connection c, WorkspaceId workspace, String runId, int count, long highest) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE training_runs SET point_count = point_count + ?,"
                + " last_step = CASE WHEN last_step IS NULL OR last_step < ? THEN ? ELSE last_step END,"
                + " last_logged_at = ? WHERE workspace_id = ? AND id = ? AND status = ?")) {
            update.setLong(1, count);
            update.setLong(2, highest);
            update.setLong(3, highest);
            update.setObject(4, SqlValues.time(clock.instant().truncatedTo(ChronoUnit.MICROS)));
            update.setString(5, workspace.value());
            update.setString(6, runId);
            update.setString(7, TrainingRunStatus.RUNNING.wire());
            if (update.executeUpdate() == 0) {
                throw new dev.sextant.store.ConflictException("training run '" + runId
                        + "' was finished while these metrics were being logged; nothing was stored");
            }
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT point_count FROM training_runs WHERE workspace_id = ? AND id = ?")) {
            select.setString(1, workspace.value());
            select.setString(2, runId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count;
            }
        }
    }

    static RunFinishedException finished(String runId, TrainingRunStatus status) {
        return new RunFinishedException(runId, status, "metrics are logged only to a running run");
    }

    /**
     * PostgreSQL: COPY in CSV, several times the rows per second of batched INSERTs; inside the
     * transaction like any statement. Doubles print as Java writes them, which PostgreSQL reads
     * back exactly, NaN and (-)Infinity included.
     */
    private static void insert(Connection c, List<Object[]> rows) throws SQLException {
        StringBuilder csv = new StringBuilder(rows.size() * 96);
        for (Object[] row : rows) {
            quoted(csv, (String) row[0]).append(',');
            quoted(csv, (String) row[1]).append(',');
            csv.append(row[2]).append(',').append(row[3]).append(',');
            if (row[4] != null) {
                csv.append(number((Double) row[4]));
            }
            csv.append(',');
            quoted(csv, (String) row[5]).append(',').append(number((Double) row[6])).append(',');
            if (row[7] != null) {
                csv.append(((java.time.OffsetDateTime) row[7]).toInstant());
            }
            csv.append('\n');
        }
        try {
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY training_metrics (workspace_id,"
                    + " run_id, seq, step, epoch, name, value, ts) FROM STDIN (FORMAT csv)",
                    new java.io.StringReader(csv.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("copying metric points failed: " + e.getMessage(), e);
        }
    }

    private static StringBuilder quoted(StringBuilder csv, String text) {
        return csv.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(v);
    }

    MetricPage points(WorkspaceId workspace, String runId, MetricQuery query) {
        StringBuilder sql = new StringBuilder("SELECT step, epoch, name, value, ts, seq FROM training_metrics"
                + " WHERE workspace_id = ? AND run_id = ?");
        List<Object> values = new ArrayList<>(List.of(workspace.value(), runId));
        filters(sql, values, query.names(), query.fromStep(), query.toStep());
        if (query.cursor() != null) {
            TrainingCursor cursor = TrainingCursor.decode(query.cursor());
            long step = cursor.firstLong();
            long seq = cursor.secondLong();
            sql.append(" AND (step > ? OR (step = ? AND seq > ?))");
            values.addAll(List.of(step, step, seq));
        }
        sql.append(" ORDER BY step, seq LIMIT ").append(query.limit() + 1);
        return database.readStreamed("reading the points of training run " + runId, c -> {
            try (PreparedStatement select = SqlValues.prepare(c, values, sql.toString())) {
                select.setFetchSize(10_000);
                try (ResultSet rs = select.executeQuery()) {
                    List<MetricSample> points = new ArrayList<>();
                    long lastStep = 0;
                    long lastSeq = 0;
                    while (rs.next()) {
                        if (points.size() == query.limit()) {
                            return new MetricPage(points, new TrainingCursor(Long.toString(lastStep),
                                    Long.toString(lastSeq)).encode());
                        }
                        lastStep = rs.getLong("step");
                        lastSeq = rs.getLong("seq");
                        points.add(new MetricSample(lastStep, SqlValues.nullableDouble(rs, "epoch"), rs.getString("name"),
                                rs.getDouble("value"), SqlValues.instant(rs, "ts")));
                    }
                    return new MetricPage(points, null);
                }
            }
        });
    }

    List<MetricSeries> downsampled(WorkspaceId workspace, String runId, DownsampleQuery query) {
        StringBuilder where = new StringBuilder(" FROM training_metrics WHERE workspace_id = ? AND run_id = ?");
        List<Object> filter = new ArrayList<>(List.of(workspace.value(), runId));
        filters(where, filter, query.names(), query.fromStep(), query.toStep());
        // the step range first, in its own statement: PostgreSQL planned a join of the points with
        // their own MIN/MAX as a nested loop (the aggregate again for every point) on fresh statistics
        long[] range = database.read("finding the step range of training run " + runId, c -> {
            try (PreparedStatement select = SqlValues.prepare(c, filter, "SELECT MIN(step), MAX(step)" + where);
                    ResultSet rs = select.executeQuery()) {
                rs.next();
                long lo = rs.getLong(1);
                return rs.wasNull() ? null : new long[] {lo, rs.getLong(2)};
            }
        });
        if (range == null) {
            return List.of();
        }
        long width = (range[1] - range[0]) / query.buckets() + 1;
        List<Object> values = new ArrayList<>(List.of(range[0], width));
        values.addAll(filter);
        String sql = "SELECT name, bucket, MIN(step) AS first_step, MAX(step) AS last_step, COUNT(*) AS n,"
                + " COUNT(*) - COUNT(finite) AS non_finite, MIN(finite) AS min_value, MAX(finite) AS max_value,"
                + " AVG(finite) AS mean_value, (array_agg(value ORDER BY step DESC, seq DESC))[1] AS last_value,"
                + " MAX(ts) AS last_ts FROM (SELECT name, step, seq, value, ts, " + FINITE + " AS finite,"
                + " CAST(FLOOR(CAST(step - CAST(? AS BIGINT) AS FLOAT8) / CAST(? AS BIGINT)) AS BIGINT) AS bucket"
                + where + ") b GROUP BY name, bucket ORDER BY " + database.dialect().byteOrder("name") + ", bucket";
        return database.read("downsampling the points of training run " + runId, c -> {
            try (PreparedStatement select = SqlValues.prepare(c, values, sql); ResultSet rs = select.executeQuery()) {
                List<MetricSeries> series = new ArrayList<>();
                String current = null;
                List<MetricBucket> buckets = new ArrayList<>();
                while (rs.next()) {
                    String n = rs.getString("name");
                    if (!n.equals(current)) {
                        if (current != null) {
                            series.add(new MetricSeries(current, buckets));
                        }
                        current = n;
                        buckets = new ArrayList<>();
                    }
                    buckets.add(new MetricBucket(rs.getLong("bucket"), rs.getLong("first_step"), rs.getLong("last_step"),
                            rs.getLong("n"), rs.getLong("non_finite"), SqlValues.nullableDouble(rs, "min_value"),
                            SqlValues.nullableDouble(rs, "max_value"), SqlValues.nullableDouble(rs, "mean_value"),
                            rs.getDouble("last_value"), SqlValues.instant(rs, "last_ts")));
                }
                if (current != null) {
                    series.add(new MetricSeries(current, buckets));
                }
                return series;
            }
        });
    }

    private static void filters(StringBuilder sql, List<Object> values, List<String> names, Long fromStep, Long toStep) {
        if (!names.isEmpty()) {
            sql.append(" AND name IN (").append(String.join(", ", Collections.nCopies(names.size(), "?"))).append(")");
            values.addAll(names);
        }
        if (fromStep != null) {
            sql.append(" AND step >= ?");
            values.add(fromStep);
        }
        if (toStep != null) {
            sql.append(" AND step <= ?");
            values.add(toStep);
        }
    }
}
