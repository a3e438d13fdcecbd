package dev.sextant.server.models;

import static dev.sextant.server.models.ModelTraffic.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The model-version story through the real server on PostgreSQL (its own schema, dropped afterwards). */
class ITModelVersionsOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_mv_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void versionsAreComparedTrackedForDriftAndLaidOnATimeline() {
        ModelScenario.run(server, "mv-pg-story");
    }

    @Test
    void conflictsCyclesAndNulsAreRefusedOnPostgresToo() {
        ModelTraffic traffic = new ModelTraffic(server);
        String key = traffic.workspace("mv-pg-bad");
        traffic.created("/api/v1/model-versions", key, version("v1", "1.0", "ft:a", null, null));
        assertThat(server.post("/api/v1/model-versions", key, version("v2", "1.0", "ft:a", "v1", null)).status())
                .isEqualTo(409);
        ITModelVersions.assertFieldProblem(server.post("/api/v1/model-versions", key, version("v2", "2.0", "ft:a", "v2",
                null)), "parent_version_id", "a version cannot be its own parent: parent_version_id 'v2' would make a cycle");
        Response nul = server.post("/api/v1/model-versions", key, version("v3", "3.0", "ft:a", null, null)
                .replace("tuned on", "tuned\\u0000on"));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(server.post("/api/v1/model-versions/v1/evaluations", key,
                "{\"benchmark\": \"b\", \"metrics\": {\"accuracy\": \"0.9\"}}").status()).isEqualTo(400);
        assertThat(server.get("/api/v1/model-versions?agent_id=a%00b", key).status()).isEqualTo(400);
    }
}
