package dev.sextant.server.experiments;

import static dev.sextant.server.experiments.ExperimentTraffic.body;
import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.experiments.Assignment;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Experiments on PostgreSQL, served by two server instances over the same schema: what one
 * defines the other reads, and both assign every unit to the same variant.
 */
class ITExperimentsOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_exp_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer one = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);
    @RegisterExtension
    static final SextantTestServer two = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);
    private static final ExperimentTraffic traffic = new ExperimentTraffic(one);

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void twoInstancesShareDefinitionsAndAgreeOnEveryAssignment() {
        traffic.versions(ADMIN_KEY);
        JsonNode created = traffic.created(ADMIN_KEY, body("pg-exp")
                .replace("\"id\": \"pg-exp\",", "\"id\": \"pg-exp\", \"start\": true,"));
        Response read = two.get("/api/v1/experiments/pg-exp", ADMIN_KEY);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);
        Assignment expected = new Assignment(List.of(new Assignment.Allocation("control", 50),
                new Assignment.Allocation("short", 50)));
        for (int i = 0; i < 200; i++) {
            String path = "/api/v1/experiments/pg-exp/assignment?unit_id=user-" + i;
            JsonNode a = one.get(path, ADMIN_KEY).json();
            assertThat(two.get(path, ADMIN_KEY).json()).isEqualTo(a);
            assertThat(a.get("variant_id").asString()).isEqualTo(expected.variant("pg-exp", "user-" + i));
        }

        Response edit = traffic.put("/api/v1/experiments/pg-exp", ADMIN_KEY, body("pg-exp"));
        assertThat(edit.status()).isEqualTo(409);
        traffic.created(ADMIN_KEY, body("pg-draft"));
        Response put = new ExperimentTraffic(two).put("/api/v1/experiments/pg-draft", ADMIN_KEY,
                body("pg-draft").replace("Shorter prompt", "Edited on two"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(traffic.ok("/api/v1/experiments/pg-draft", ADMIN_KEY).get("name").asString()).isEqualTo("Edited on two");
        assertThat(traffic.ok("/api/v1/experiments?status=running", ADMIN_KEY).get("experiments").size()).isEqualTo(1);

        String other = traffic.workspace("pg-exp-other");
        assertThat(one.get("/api/v1/experiments/pg-exp", other).status()).isEqualTo(404);
        assertThat(two.get("/api/v1/experiments/pg-exp/assignment?unit_id=u", other).status()).isEqualTo(404);
        Response nul = one.post("/api/v1/experiments", ADMIN_KEY, body("pg-nul").replace("Shorter prompt", "a\\u0000b"));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(one.get("/api/v1/experiments?agent_id=a%00b", ADMIN_KEY).status()).isEqualTo(400);
    }
}
