package dev.sextant.server.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.budgets.BudgetTraffic.Call;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The budget check through the real server. Spent this month: bot-a's gpt-4o calls 3 + 1 = 4,
 * bot-b's flash call 2, so the workspace 6. Budgets: the workspace 100 (watch, 0.5/0.8/1.0),
 * bot-a 10 (enforce, 0.5/1.0), gpt-4o 8 (watch, 0.5/0.8/1.0). The spent cache lives an hour
 * here, so what the check caches is seen to stay (the documented staleness) deterministically.
 */
class ITBudgetCheck {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.budgets.check-cache-ttl=1h");
    private static final BudgetTraffic traffic = new BudgetTraffic(server);
    private static String key;
    private static String agentKey;
    private static String botA;

    @BeforeAll
    static void budgetsAndSpending() {
        key = traffic.workspace("check");
        agentKey = traffic.key(key, "agent", "ingest:write");
        Instant now = Instant.now().minusSeconds(30);
        traffic.ingest(key, List.of(new Call("c-1", "bot-a", "gpt-4o", now, new BigDecimal("3")),
                new Call("c-2", "bot-a", "gpt-4o", now, new BigDecimal("1")),
                new Call("c-3", "bot-b", "gemini-1.5-flash", now, new BigDecimal("2"))));
        create("{\"name\": \"all\", \"scope\": \"workspace\", \"amount_usd\": 100, \"period\": \"month\"}");
        botA = create("{\"name\": \"bot-a\", \"scope\": \"agent:bot-a\", \"amount_usd\": 10, \"period\": \"month\","
                + " \"thresholds\": [0.5, 1.0], \"enforcement\": \"enforce\"}");
        create("{\"name\": \"gpt-4o\", \"scope\": \"model:gpt-4o\", \"amount_usd\": 8, \"period\": \"month\"}");
    }

    private static String create(String body) {
        Response r = server.post("/api/v1/budgets", key, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @ParameterizedTest(name = "agent {0}, model {1}, estimate {2}: {3}, remaining {4}")
    @CsvSource({
            // 6.5/100 allow; 4.5/10 under 0.5 allow; 4.5/8 crosses 0.5 warn
            "bot-a, gpt-4o,           0.5, warn,  4, 'all:allow,bot-a:allow,gpt-4o:warn'",
            // bot-a: 10.5 > 10 and enforced
            "bot-a, gpt-4o,           6.5, deny,  4, 'all:allow,bot-a:deny,gpt-4o:warn'",
            // bot-a: exactly 10 is not over, but crosses 1.0; gpt-4o 10 > 8, watched: warn
            "bot-a, gpt-4o,           6,   warn,  4, 'all:allow,bot-a:warn,gpt-4o:warn'",
            // bot-a on another model: gpt-4o's budget does not apply
            "bot-a, gemini-1.5-flash, 0.9, allow, 6, 'all:allow,bot-a:allow'",
            // only the workspace's: 56/100 crosses 0.5
            "bot-b, gemini-1.5-flash, 50,  warn, 94, 'all:warn'",
            "bot-c, ,                 1,   allow, 94, 'all:allow'",
            // no agent: the model's budget still applies; 4/8 reaches its 0.5 threshold exactly
            ", gpt-4o,                0,   warn,  4, 'all:allow,gpt-4o:warn'",
            ", gpt-4o-mini,           0,   allow, 94, 'all:allow'"})
    void decisionsFollowTheBudgetsThatApply(String agent, String model, String estimate, String decision,
            String remaining, String perBudget) {
        StringBuilder path = new StringBuilder("/api/v1/budgets/check?estimated_cost_usd=" + estimate);
        if (agent != null) {
            path.append("&agent_id=").append(agent);
        }
        if (model != null) {
            path.append("&model=").append(model);
        }
        JsonNode answer = ok(path.toString());
        assertThat(answer.get("decision").asString()).isEqualTo(decision);
        assertThat(answer.get("remaining_usd").decimalValue()).isEqualByComparingTo(remaining);
        assertThat(answer.get("estimated_cost_usd").decimalValue()).isEqualByComparingTo(estimate);
        StringBuilder seen = new StringBuilder();
        for (JsonNode b : answer.get("budgets")) {
            seen.append(seen.isEmpty() ? "" : ",").append(b.get("name").asString()).append(':')
                    .append(b.get("decision").asString());
        }
        assertThat(seen.toString()).isEqualTo(perBudget);
        assertThat(answer.get("data_as_of").isNull()).isFalse();
    }

    @Test
    void eachAppliedBudgetShowsItsFigures() {
        JsonNode a = ok("/api/v1/budgets/check?agent_id=bot-a&estimated_cost_usd=1.5").get("budgets").get(1);
        assertThat(a.get("id").asString()).isEqualTo(botA);
        assertThat(a.get("scope").asString()).isEqualTo("agent:bot-a");
        assertThat(a.get("enforcement").asString()).isEqualTo("enforce");
        assertThat(a.get("amount_usd").decimalValue()).isEqualByComparingTo("10");
        assertThat(a.get("spent_usd").decimalValue()).isEqualByComparingTo("4");
        assertThat(a.get("remaining_usd").decimalValue()).isEqualByComparingTo("6");
        assertThat(a.get("thresholds_crossed").toString()).isEqualTo("[0.5]");
        assertThat(a.get("period").asString()).isEqualTo("month");
    }

    /** In a workspace of its own, so that what it spends does not move the other tests' figures. */
    @Test
    void spentIsCachedForTheTtlWhileBudgetChangesShowAtOnce() {
        String admin = traffic.workspace("check-cache");
        String agent = traffic.key(admin, "agent", "ingest:write");
        Response created = server.post("/api/v1/budgets", admin, "{\"name\": \"cache\", \"scope\": \"agent:bot\","
                + " \"amount_usd\": 1, \"period\": \"month\", \"enforcement\": \"enforce\"}");
        String id = created.json().get("id").asString();
        String check = "/api/v1/budgets/check?agent_id=bot&estimated_cost_usd=0.9";
        assertThat(ok(check, agent).get("decision").asString()).isEqualTo("warn");
        traffic.ingest(admin, List.of(new Call("cache-1", "bot", "gpt-4o", Instant.now().minusSeconds(5), new BigDecimal("5"))));
        JsonNode stale = ok(check, agent);
        assertThat(stale.get("budgets").get(0).get("spent_usd").decimalValue()).as("cached").isEqualByComparingTo("0");
        assertThat(stale.get("decision").asString()).isEqualTo("warn");
        assertThat(ok("/api/v1/budgets/" + id + "/status", admin).get("spent_usd").decimalValue())
                .as("the status is not cached").isEqualByComparingTo("5");
        Response put = traffic.put("/api/v1/budgets/" + id, admin, "{\"name\": \"cache\", \"scope\": \"agent:bot\","
                + " \"amount_usd\": 1000, \"period\": \"month\", \"enforcement\": \"enforce\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(ok(check, agent).get("budgets").get(0).get("amount_usd").decimalValue()).isEqualByComparingTo("1000");
        assertThat(server.delete("/api/v1/budgets/" + id, admin).status()).isEqualTo(204);
        assertThat(ok(check, agent).get("budgets").size()).isZero();
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({
            "estimated_cost_usd=-1, estimated_cost_usd",
            "estimated_cost_usd=abc, estimated_cost_usd",
            "estimated_cost_usd=1e-50, estimated_cost_usd",
            "estimated_cost_usd=1e400, estimated_cost_usd",
            "estimated_cost_usd=, estimated_cost_usd",
            "agent_id=%20%20, agent_id",
            "agentId=bot-a, agentId",
            "agent_id=a&agent_id=b, agent_id",
            "budget=1, budget"})
    void badParametersAre400NamingTheParameter(String query, String parameter) {
        Response r = server.get("/api/v1/budgets/check?" + query, agentKey);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"parameter\":\"" + parameter + "\"");
    }

    @Test
    void anOversizeValueIsRefused() {
        Response r = server.get("/api/v1/budgets/check?agent_id=" + "a".repeat(300), agentKey);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("over the limit of 256");
    }

    private static JsonNode ok(String path) {
        return ok(path, agentKey);
    }

    private static JsonNode ok(String path, String key) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
