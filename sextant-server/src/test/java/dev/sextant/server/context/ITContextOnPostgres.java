package dev.sextant.server.context;

import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Context awareness through the real server on PostgreSQL, the same scenarios as {@link ITContext}. */
class ITContextOnPostgres extends ContextScenarios {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_context_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.db.url=" + URL)
            .with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Override
    SextantTestServer server() {
        return server;
    }

    @Test
    void plantedContextShowsInTheAnalytics() {
        plantedContextShowsInTheAnalytics("cx-pg");
    }

    @Test
    void exportPagesThroughEverything() {
        exportPagesThroughEverything("cx-pg");
    }

    @Test
    void hostileContextIsRefusedPerRecord() {
        hostileContextIsRefusedPerRecord("cx-pg");
    }

    @Test
    void parametersScopesAndTenants() {
        parametersScopesAndTenants("cx-pg");
    }
}
