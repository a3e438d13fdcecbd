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
