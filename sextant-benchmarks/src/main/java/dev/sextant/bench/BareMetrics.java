package dev.sextant.bench;

import dev.sextant.store.training.MetricSample;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The bare baselines of {@link TrainingBenchmark}: metric rows through DuckDB's appender into a
 * table without keys, and the loss curve read by plain SQL on a plain JDBC connection. Nothing of
 * Sextant is in these paths.
 */
final class BareMetrics {
    private BareMetrics() {}

    static double append(Path file, List<List<MetricSample>> batches, String run) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bare_metrics (workspace_id VARCHAR, run_id VARCHAR, seq BIGINT, step BIGINT,"
                        + " epoch DOUBLE, name VARCHAR, value DOUBLE, ts TIMESTAMPTZ)");
            }
            DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
            long seq = 0;
            long values = 0;
            long t0 = System.nanoTime();
            for (List<MetricSample> batch : batches) {
                try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "bare_metrics")) {
                    for (MetricSample p : batch) {
                        a.beginRow();
                        a.append("bench");
                        a.append(run);
                        a.append(seq++);
                        a.append(p.step());
                        a.append(p.epoch().doubleValue());
                        a.append(p.name());
                        a.append(p.value());
                        a.appendEpochMicros(p.timestamp().toEpochMilli() * 1000);
                        a.endRow();
                    }
                }
                values += batch.size();
            }
            return values / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** The store's downsampling statement, written out: the step range, then one GROUP BY over the buckets. */
    static long downsample(Connection c, String workspace, String run, String metric, int bucketCount) throws Exception {
        long lo;
        long hi;
        try (PreparedStatement p = c.prepareStatement("SELECT MIN(step), MAX(step) FROM training_metrics"
                + " WHERE workspace_id = ? AND run_id = ? AND name = ?")) {
            p.setString(1, workspace);
            p.setString(2, run);
            p.setString(3, metric);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                lo = rs.getLong(1);
                hi = rs.getLong(2);
            }
        }
        long width = (hi - lo) / bucketCount + 1;
        try (PreparedStatement p = c.prepareStatement("SELECT (step - ?) // ? AS bucket, MIN(step), MAX(step), COUNT(*),"
                + " MIN(value), MAX(value), AVG(value), arg_max(value, step), MAX(ts) FROM training_metrics"
                + " WHERE workspace_id = ? AND run_id = ? AND name = ? GROUP BY bucket ORDER BY bucket")) {
            p.setLong(1, lo);
            p.setLong(2, width);
            p.setString(3, workspace);
            p.setString(4, run);
            p.setString(5, metric);
            long buckets = 0;
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= 9; i++) {
                        rs.getObject(i);
                    }
                    buckets++;
                }
            }
            return buckets;
        }
    }

    /** Every point of the metric in the API's order, each column read. */
    static long select(Connection c, String workspace, String run, String metric) throws Exception {
        try (PreparedStatement p = c.prepareStatement("SELECT step, epoch, name, value, ts, seq FROM training_metrics"
                + " WHERE workspace_id = ? AND run_id = ? AND name = ? ORDER BY step, seq")) {
            p.setString(1, workspace);
            p.setString(2, run);
            p.setString(3, metric);
            p.setFetchSize(10_000);
            long rows = 0;
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                    rs.getDouble(2);
                    rs.getString(3);
                    rs.getDouble(4);
                    rs.getObject(5);
                    rs.getLong(6);
                    rows++;
                }
            }
            return rows;
        }
    }

}
