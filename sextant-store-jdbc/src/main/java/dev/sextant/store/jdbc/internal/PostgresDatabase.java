package dev.sextant.store.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sextant.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * PostgreSQL through one HikariCP pool. Several server instances may share the database, so
 * writes are plain transactions on pooled connections (no in-process write lock).
 */
final class PostgresDatabase extends Database {
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final HikariDataSource pool;
    private final String schema;

    PostgresDatabase(String jdbcUrl, String user, String password, String schema) {
        super(Dialect.POSTGRES);
        this.schema = schema == null ? "public" : schema;
        if (!SCHEMA.matcher(this.schema).matches()) {
            throw new IllegalArgumentException("schema must be a plain SQL identifier (letters, digits, '_'), was "
                    + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("sextant-postgres");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // The schema may not exist yet: Flyway creates it, so name it in search_path only.
        config.setConnectionInitSql("SET search_path TO \"" + this.schema + "\"");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(10_000);
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open PostgreSQL at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    <T> T write(String what, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return inTransaction(c, what, work);
        } catch (SQLException e) {
            throw new StoreException(what + " failed: no connection to PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    DataSource readers() {
        return pool;
    }

    @Override
    String schema() {
        return schema;
    }

    @Override
    public void close() {
        pool.close();
    }
}
