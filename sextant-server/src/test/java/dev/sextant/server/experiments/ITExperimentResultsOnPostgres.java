package dev.sextant.server.experiments;

import static dev.sextant.server.experiments.ExperimentData.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The planted effect on PostgreSQL: the same counts and verdict as on DuckDB, and auto_conclude. */
class ITExperimentResultsOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_expres_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);
    private static final ExperimentTraffic traffic = new ExperimentTraffic(server);

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void aPlantedEffectWinsAndIsConcludedAutomatically() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(5));
        String key = traffic.workspace("pg-results");
        ExperimentData data = new ExperimentData(server);
        traffic.created(key, running("pg-planted", start, true));
        data.units(key, "pg-planted", "a", 400, 0.5, start, 4);
        data.units(key, "pg-planted", "b", 400, 0.8, start, 4);

        JsonNode r = traffic.ok("/api/v1/experiments/pg-planted/results", key);
        assertThat(r.get("variants")).extracting(v -> v.get("units").asLong()).containsExactly(400L, 400L);
        assertThat(r.get("variants")).extracting(v -> v.get("traces").asLong()).containsExactly(400L, 400L);
        assertThat(r.get("variants")).extracting(v -> v.get("success_rate").asDouble()).containsExactly(0.5, 0.8);
        assertThat(r.get("days").asInt()).isEqualTo(6); // five whole UTC days and today so far
        assertThat(r.get("verdict").get("kind").asString()).isEqualTo("winner");
        assertThat(r.get("verdict").get("winner").asString()).isEqualTo("b");
        assertThat(server.get("/api/v1/experiments/pg-planted/results", traffic.workspace("pg-results-other")).status())
                .isEqualTo(404);

        assertThat(server.bean(AutoConcluder.class).round()).isEqualTo(1);
        JsonNode concluded = traffic.ok("/api/v1/experiments/pg-planted", key);
        assertThat(concluded.get("status").asString()).isEqualTo("concluded");
        assertThat(concluded.get("winner").asString()).isEqualTo("b");
        assertThat(concluded.get("conclusion").asString()).isEqualTo(r.get("verdict").get("recommendation").asString());
        assertThat(traffic.ok("/api/v1/experiments/pg-planted/assignment?unit_id=u-1", key).get("variant_id").asString())
                .isEqualTo("b");
    }
}
