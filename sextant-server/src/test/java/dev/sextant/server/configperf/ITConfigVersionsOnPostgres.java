package dev.sextant.server.configperf;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The config-version endpoints through the server on PostgreSQL, in a fresh schema dropped afterwards. */
class ITConfigVersionsOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_cfgperf_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);

    @BeforeAll
    static void ingest() {
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, ConfigVersionTraffic.batch());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void theSameFiguresAndComparisonOnPostgres() {
        Response list = server.get("/api/v1/analytics/config-versions?agent_id=support-bot", ADMIN_KEY);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode v1 = list.json().get("versions").get(1);
        assertThat(v1.get("config_version").asString()).isEqualTo(ConfigVersionTraffic.V1);
        assertThat(v1.get("success_rate").asDouble()).isEqualTo(0.6);
        assertThat(v1.get("p95_response_ms").asDouble()).isCloseTo(1855.0, within(1e-9));
        assertThat(v1.get("response_ms_std_dev").asDouble()).isCloseTo(302.7650354, within(1e-6));
        assertThat(v1.get("satisfaction").asDouble()).isCloseTo(3.0, within(1e-12));
        assertThat(v1.get("cost_per_execution_usd").decimalValue()).isEqualByComparingTo("0.01");

        Response compare = server.get("/api/v1/analytics/config-versions/compare?a=" + ConfigVersionTraffic.V2 + "&b="
                + ConfigVersionTraffic.V1, ADMIN_KEY);
        assertThat(compare.status()).as(compare.toString()).isEqualTo(200);
        assertThat(compare.json().get("verdict").asString()).isEqualTo("better");
        assertThat(compare.json().get("response_time_ms").get("p_value").asDouble())
                .isCloseTo(1.199826490e-5, within(1e-12));

        Response missing = server.get("/api/v1/analytics/config-versions/compare?a=nope&b=" + ConfigVersionTraffic.V1,
                ADMIN_KEY);
        assertThat(missing.status()).isEqualTo(404);
    }
}
