package dev.sextant.server.erasure;

import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Erasure through the real server on PostgreSQL, the same scenarios as {@link ITErasure}. */
class ITErasureOnPostgres extends ErasureScenarios {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_erasure_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.db.url=" + URL)
            .with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA)
            .with("--sextant.erasure.batch-size=3");

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
    void erasingOneUserLeavesEveryoneElse() {
        erasingOneUserLeavesEveryoneElse("er-pg");
    }

    @Test
    void theHashedFormIsErasedToo() {
        theHashedFormIsErasedToo("er-pg");
    }

    @Test
    void ingestionDuringAnErasureIsNotLost() throws Exception {
        ingestionDuringAnErasureIsNotLost("er-pg");
    }

    @Test
    void scopesAndHostileInput() {
        scopesAndHostileInput("er-pg");
    }

    @Test
    void learningApplicationsOfErasedTracesGo() {
        learningApplicationsOfErasedTracesGo("er-pg");
    }
}
