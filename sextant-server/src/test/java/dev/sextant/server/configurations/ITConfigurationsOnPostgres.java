package dev.sextant.server.configurations;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
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
import tools.jackson.databind.JsonNode;

/** Configurations through the server on PostgreSQL, in a fresh schema dropped afterwards. */
class ITConfigurationsOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_config_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);
    private static final ConfigurationTraffic traffic = new ConfigurationTraffic(server);

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void configurationsWorkOnPostgres() {
        traffic.create(ADMIN_KEY, "pg-prompt", "bot", ConfigurationTraffic.CONTENT);
        String base = "/api/v1/configurations/pg-prompt";
        traffic.post(base + "/versions", ADMIN_KEY, "{\"content\": {\"behaviour\": {\"temperature\": 0.9}}, \"activate\": true}", 201);
        traffic.post(base + "/rollback", ADMIN_KEY, "{\"version\": 1}", 200);
        Response active = server.get(base + "/active", ADMIN_KEY);
        assertThat(active.header("ETag")).contains("\"pg-prompt-v1\"");
        assertThat(active.json().get("content").toString()).isEqualTo(ConfigurationTraffic.compact(ConfigurationTraffic.CONTENT));
        JsonNode events = traffic.ok(base + "/events", ADMIN_KEY).get("events");
        assertThat(events.get(events.size() - 1).get("kind").asString()).isEqualTo("rollback");
        assertThat(events.get(events.size() - 1).get("to_version").asString()).isEqualTo("pg-prompt-v1");
        Response invalid = server.post(base + "/versions", ADMIN_KEY, "{\"content\": {\"behaviour\": {\"top_p\": 0}, \"x\": 1}}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").size()).isEqualTo(2);
        String other = traffic.workspace("pg-cfg-other");
        assertThat(server.get(base, other).status()).isEqualTo(404);
        assertThat(server.get(base + "/active", other).status()).isEqualTo(404);
    }
}
