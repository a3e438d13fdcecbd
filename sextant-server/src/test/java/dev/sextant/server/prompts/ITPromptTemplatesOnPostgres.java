package dev.sextant.server.prompts;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Prompt templates, rendering and analytics through the server on PostgreSQL, in a fresh schema dropped afterwards. */
class ITPromptTemplatesOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_prompt_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);
    private static final PromptTraffic traffic = new PromptTraffic(server);

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void templatesRenderAndAnalyticsWorkOnPostgres() {
        String editor = traffic.key(ADMIN_KEY, "editor", "config:write")[0];
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        new PromptUsageData(server).send(ADMIN_KEY, editor, now);
        Response rendered = server.post("/api/v1/prompt-templates/qa/render", ADMIN_KEY,
                "{\"version\": 1, \"variables\": {\"q\": \"{{#x}}why?{{/x}}\"}}");
        assertThat(rendered.status()).as(rendered.toString()).isEqualTo(200);
        assertThat(rendered.json().get("text").asString()).isEqualTo("Answer {{#x}}why?{{/x}}");
        assertThat(server.post("/api/v1/prompt-templates", ADMIN_KEY, PromptUsageData.QA).status()).isEqualTo(409);

        String window = "?from=" + now.minusSeconds(86_400) + "&to=" + now.plusSeconds(60);
        PromptUsageData.assertQa(traffic.ok("/api/v1/prompt-templates/qa/analytics" + window, ADMIN_KEY).get("template"));
        JsonNode list = traffic.ok("/api/v1/analytics/prompt-templates" + window, ADMIN_KEY).get("templates");
        PromptUsageData.assertOthers(list.get(1), list.get(2));

        String other = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"pg-prompt-other\", \"name\": \"O\"}")
                .json().get("admin_key").get("secret").asString();
        assertThat(server.get("/api/v1/prompt-templates/qa", other).status()).isEqualTo(404);
        assertThat(traffic.ok("/api/v1/analytics/prompt-templates", other).get("templates").size()).isZero();
        Response nul = server.post("/api/v1/prompt-templates", ADMIN_KEY,
                "{\"id\": \"nul\", \"name\": \"n\", \"text\": \"a\\u0000\"}");
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
    }
}
