package dev.sextant.store.jdbc.internal;

import dev.sextant.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connections to one database, split by role: reads run on a pool, writes run in a transaction
 * on a writer connection. Backends decide how many writers exist (DuckDB: exactly one).
 */
abstract class Database implements AutoCloseable {
    private final Dialect dialect;

    Database(Dialect dialect) {
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs read-only work in auto-commit mode. */
    <T> T read(String what, SqlWork<T> work) {
        try (Connection c = readers().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a read whose rows are consumed while the query runs, in a read-only transaction that is
     * rolled back at the end: the backend hands the result over one fetch at a time instead of
     * building all of it first (PostgreSQL: a cursor, because auto-commit is off and the statement
     * has a fetch size; DuckDB: see {@link #streamResults}).
     */
    <T> T readStreamed(String what, SqlWork<T> work) {
        return read(what, c -> {
            c.setAutoCommit(false);
            streamResults(c, true);
            try {
                return work.run(c);
            } finally {
                c.rollback(); // read only: nothing to keep
                streamResults(c, false);
                c.setAutoCommit(true);
            }
        });
    }

    /** Turns streamed results on or off for this connection, where the driver needs telling. */
    void streamResults(Connection c, boolean on) throws SQLException {}

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    abstract <T> T write(String what, SqlWork<T> work);

    /** Pooled connections for reads and for the schema migration. */
    abstract DataSource readers();

    /** The schema the tables live in, or null for the connection's default. */
    String schema() {
        return null;
    }

    @Override
    public abstract void close();

    static <T> T inTransaction(Connection c, String what, SqlWork<T> work) {
        try {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed and was rolled back: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
