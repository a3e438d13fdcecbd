package dev.sextant.cli;

import dev.sextant.testing.RealServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh schema in the PostgreSQL at 127.0.0.1:5432 (trust auth, database test) for a real server; dropped at the end. */
final class PostgresSchema {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema = "sx_cli_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    RealServer start() {
        return RealServer.startWith("--sextant.db.url=" + URL, "--sextant.db.user=postgres", "--sextant.db.schema=" + schema);
    }

    void drop() {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
