package dev.sextant.server.learnings;

import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Learnings through the real server on PostgreSQL, the same scenarios as {@link ITLearnings}. */
class ITLearningsOnPostgres extends LearningsScenarios {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_learnings_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

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
    void lifecycle() {
        lifecycle("ln-pg");
    }

    @Test
    void recommendations() {
        recommendations("ln-pg");
    }

    @Test
    void badInputAndScopes() {
        badInputAndScopes("ln-pg");
    }

    @Test
    void baselineWindow() {
        baselineWindow("ln-pg");
    }
}
