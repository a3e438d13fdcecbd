package dev.sextant.store.jdbc;

import dev.sextant.store.SextantStore;
import dev.sextant.store.jdbc.internal.JdbcSextantStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Opens a {@link SextantStore} on an embedded DuckDB file or on PostgreSQL. The factory only
 * opens the database: the caller runs {@link SextantStore#migrate()} (safe on every start)
 * before using it, and closes the store when done.
 */
public final class JdbcStores {
    private JdbcStores() {}

    /** An embedded DuckDB file, created with its parent directories when missing. */
    public static SextantStore duckdb(Path databaseFile) {
        Objects.requireNonNull(databaseFile, "database file");
        return JdbcSextantStore.duckdb(databaseFile, Clock.systemUTC());
    }

    /**
     * PostgreSQL; the tables live in {@code schema} (created by {@code migrate()} when missing;
     * null means {@code public}).
     */
    public static SextantStore postgres(String jdbcUrl, String user, String password, String schema) {
        Objects.requireNonNull(jdbcUrl, "jdbc url");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL url starts with jdbc:postgresql:, was " + jdbcUrl);
        }
        return JdbcSextantStore.postgres(jdbcUrl, user, password, schema, Clock.systemUTC());
    }

    /**
     * Picks the backend from the url: {@code jdbc:duckdb:<file>} or {@code jdbc:postgresql:...}
     * (tables in the {@code public} schema; user and password are ignored for DuckDB).
     */
    public static SextantStore fromUrl(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbc url");
        if (jdbcUrl.startsWith("jdbc:duckdb:")) {
            String file = jdbcUrl.substring("jdbc:duckdb:".length());
            if (file.isBlank() || file.startsWith(":memory:")) {
                throw new IllegalArgumentException("a DuckDB store needs a file: jdbc:duckdb:<path>, was " + jdbcUrl);
            }
            return duckdb(Path.of(file));
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return postgres(jdbcUrl, user, password, null);
        }
        throw new IllegalArgumentException("unsupported database url '" + jdbcUrl
                + "': Sextant stores data in DuckDB (jdbc:duckdb:<file>) or PostgreSQL (jdbc:postgresql://...)");
    }
}
