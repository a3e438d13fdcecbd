package dev.sextant.server.budgets;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.budgets.BudgetTraffic.Call;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Budgets, status, check and forecast through the server on PostgreSQL, in a fresh schema dropped afterwards. */
class ITBudgetsOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_budget_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);
    private static final BudgetTraffic traffic = new BudgetTraffic(server);

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** Spent this month: bot's gpt-4o calls 1.25 + 0.5; the other agent's 2 is not the bot's. */
    @Test
    void budgetsWorkOnPostgres() {
        Instant now = Instant.now().minusSeconds(30);
        traffic.ingest(ADMIN_KEY, List.of(new Call("pg-1", "bot", "gpt-4o", now, new BigDecimal("1.25")),
                new Call("pg-2", "bot", "gpt-4o", now, new BigDecimal("0.5")),
                new Call("pg-3", "other", "gpt-4o", now, new BigDecimal("2"))));
        Response created = server.post("/api/v1/budgets", ADMIN_KEY, "{\"name\": \"bot\", \"scope\": \"agent:bot\","
                + " \"amount_usd\": 2, \"period\": \"month\", \"enforcement\": \"enforce\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        JsonNode status = server.get("/api/v1/budgets/" + id + "/status", ADMIN_KEY).json();
        assertThat(status.get("spent_usd").decimalValue()).isEqualByComparingTo("1.75");
        assertThat(status.get("thresholds_crossed").toString()).isEqualTo("[0.5,0.8]");
        assertThat(status.get("projection").get("method").asString()).isEqualTo("insufficient_data");

        JsonNode deny = server.get("/api/v1/budgets/check?agent_id=bot&estimated_cost_usd=0.3", ADMIN_KEY).json();
        assertThat(deny.get("decision").asString()).isEqualTo("deny");
        assertThat(deny.get("remaining_usd").decimalValue()).isEqualByComparingTo("0.25");
        JsonNode model = server.get("/api/v1/analytics/forecast?model=gpt-4o", ADMIN_KEY).json();
        assertThat(model.get("scope").asString()).isEqualTo("model:gpt-4o");

        Response other = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"pg-budget-other\", \"name\": \"Other\"}");
        String otherKey = other.json().get("admin_key").get("secret").asString();
        assertThat(server.get("/api/v1/budgets/" + id, otherKey).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/budgets/check?agent_id=bot&estimated_cost_usd=0.3", otherKey).json()
                .get("decision").asString()).isEqualTo("allow");
        Response nul = server.get("/api/v1/budgets/check?agent_id=a%00b", ADMIN_KEY);
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.body()).contains("\"parameter\":\"agent_id\"");
    }
}
