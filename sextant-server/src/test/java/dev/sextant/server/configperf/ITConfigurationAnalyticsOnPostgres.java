package dev.sextant.server.configperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The configuration analytics through the server on PostgreSQL, in a fresh schema dropped afterwards. */
class ITConfigurationAnalyticsOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_cfgwire_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);

    static ConfigurationAnalyticsSetup.Setup setup;

    @BeforeAll
    static void prepare() {
        setup = ConfigurationAnalyticsSetup.run(server);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void theSameFiguresOnPostgres() {
        JsonNode perf = ok("/api/v1/configurations/cw-support/performance");
        JsonNode v1 = perf.get("versions").get(0).get("figures");
        assertThat(v1.get("success_rate").asDouble()).isEqualTo(0.95);
        assertThat(v1.get("p95_response_ms").asDouble()).isCloseTo(1180.5, within(1e-9));
        assertThat(v1.get("satisfaction").asDouble()).isCloseTo(3.9, within(1e-12));
        assertThat(perf.get("versions").get(2).get("against_parent").get("customization_level").asString())
                .isEqualTo("extensive");

        JsonNode impact = ok("/api/v1/configurations/cw-support/parameter-impact?from=2026-11-01T00:00:00Z"
                + "&to=2026-11-05T00:00:00Z");
        assertThat(ITConfigurationAnalytics.parameter(impact, "temperature").get("pearson").asDouble())
                .isCloseTo(-0.9540527859, within(1e-9));
        assertThat(impact.get("recommendation").get("recommended").asBoolean()).isTrue();

        LocalDate d = setup.activationDay();
        JsonNode business = ok("/api/v1/analytics/business-impact?agent_id=cw-impact-bot&value_per_success=2.5"
                + "&customization_cost=10&from=" + d.minusDays(3) + "T00:00:00Z&to=" + d.plusDays(4) + "T00:00:00Z");
        assertThat(business.get("changes").get(0).get("net_benefit_usd").decimalValue()).isEqualByComparingTo("14.88");
        assertThat(business.get("changes").get(0).get("roi").asDouble()).isCloseTo(0.488, within(1e-12));

        JsonNode patterns = ok("/api/v1/analytics/personalization/customizations");
        assertThat(ITConfigurationAnalytics.actor(patterns, "key bootstrap ").get("changes").asLong()).isEqualTo(9);
        assertThat(ITConfigurationAnalytics.actor(patterns, "key cw-editor ").get("user_type").asString()).isEqualTo("light");
    }

    private static JsonNode ok(String path) {
        var r = server.get(path, dev.sextant.server.support.SextantTestServer.ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
