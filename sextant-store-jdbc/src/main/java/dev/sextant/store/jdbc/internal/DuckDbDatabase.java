package dev.sextant.store.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sextant.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;

/**
 * An embedded DuckDB file: one database instance per store, a small pool of reader
 * connections, and ONE writer connection that every write takes in turn. DuckDB runs
 * concurrent writers optimistically and fails one of two transactions touching the same row;
 * a single writer (fed by the ingest group commit) never conflicts and keeps its staging
 * tables and appenders warm.
 */
final class DuckDbDatabase extends Database {
    private static final int READERS = 4;

    private final DuckDBConnection root;
    private final HikariDataSource readers;
    private final DuckDBConnection writer;
    private final ReentrantLock writeLock = new ReentrantLock();

    DuckDbDatabase(Path file) {
        super(Dialect.DUCKDB);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            utc(root);
            writer = (DuckDBConnection) root.duplicate();
            utc(writer);
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open DuckDB database " + file + ": " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("sextant-duckdb-readers");
        config.setDataSource(new DuplicatingDataSource(root));
        config.setMaximumPoolSize(READERS);
        config.setMinimumIdle(1);
        config.setConnectionInitSql("SET TimeZone = 'UTC'");
        readers = new HikariDataSource(config);
    }

    private static void utc(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
        }
    }

    @Override
    <T> T write(String what, SqlWork<T> work) {
        writeLock.lock();
        try {
            return inTransaction(writer, what, work);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * DuckDB's JDBC driver materialises a query's whole result in native memory (outside DuckDB's
     * memory limit, invisible to the Java heap) before the first row, unless the connection's
     * {@code jdbc_stream_results} setting is on; then rows come one vector at a time as the query
     * produces them. It is set per reader connection for the read, not for the whole database:
     * a streamed result ends when its connection runs another statement, which the other
     * readers (several statements on one connection) do.
     */
    @Override
    void streamResults(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET jdbc_stream_results = " + on);
        }
    }

    @Override
    DataSource readers() {
        return readers;
    }

    @Override
    public void close() {
        readers.close();
        writeLock.lock();
        try {
            writer.close();
            root.close();
        } catch (SQLException e) {
            throw new StoreException("closing DuckDB failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }
}
