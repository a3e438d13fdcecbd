package dev.sextant.server.analytics;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** /api/v1/analytics/tools, /agents and /errors through the real server, figures computed by hand. */
class ITEffectiveness {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    private static final BigDecimal FLASH_COST = new BigDecimal("0.000225"); // 1000 × 0.075/1M + 500 × 0.30/1M

    /**
     * t-1 (bot, ok, 1000 ms): search 100 ms ok, search 300 ms "HTTP 503 for order A123", one flash call.
     * t-2 (bot, error "boom 7", 3000 ms): search 200 ms "HTTP 503 for order A456", pay 50 ms ok, two flash calls.
     * t-3 (other, ok, 500 ms): pay 70 ms ok.
     */
    private static final String BATCH = """
            {"batch": [
              {"type": "trace", "body": {"id": "t-1", "agent_id": "bot", "status": "ok",
                "started_at": "2026-11-01T10:00:00Z", "ended_at": "2026-11-01T10:00:01Z"}},
              {"type": "trace", "body": {"id": "t-2", "agent_id": "bot", "status": "error", "error": "boom 7",
                "started_at": "2026-11-01T10:01:00Z", "ended_at": "2026-11-01T10:01:03Z"}},
              {"type": "trace", "body": {"id": "t-3", "agent_id": "other", "status": "ok",
                "started_at": "2026-11-01T10:02:00Z", "ended_at": "2026-11-01T10:02:00.500Z"}},
              %s, %s, %s, %s, %s,
              %s, %s, %s
            ]}
            """.formatted(
            tool("s-1", "t-1", "search", "10:00:00.000", "10:00:00.100", null),
            tool("s-2", "t-1", "search", "10:00:00.100", "10:00:00.400", "HTTP 503 for order A123"),
            tool("s-3", "t-2", "search", "10:01:00.000", "10:01:00.200", "HTTP 503 for order A456"),
            tool("s-4", "t-2", "pay", "10:01:00.200", "10:01:00.250", null),
            tool("s-5", "t-3", "pay", "10:02:00.000", "10:02:00.070", null),
            llm("s-6", "t-1"), llm("s-7", "t-2"), llm("s-8", "t-2"));

    private static String tool(String id, String trace, String name, String start, String end, String error) {
        return """
                {"type": "span", "body": {"id": "%s", "trace_id": "%s", "kind": "tool", "name": "%s", "tool_name": "%s",
                  "status": "%s", %s "started_at": "2026-11-01T%sZ", "ended_at": "2026-11-01T%sZ"}}"""
                .formatted(id, trace, name, name, error == null ? "ok" : "error",
                        error == null ? "" : "\"error\": \"" + error + "\",", start, end);
    }

    private static String llm(String id, String trace) {
        return """
                {"type": "span", "body": {"id": "%s", "trace_id": "%s", "kind": "llm", "name": "generate",
                  "model": "gemini-1.5-flash", "usage": {"input_tokens": 1000, "output_tokens": 500}}}"""
                .formatted(id, trace);
    }

    @BeforeAll
    static void ingest() {
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, BATCH);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("rejected").size()).as(r.toString()).isZero();
    }

    @Test
    void toolsAreRankedByUsageWithTheirFailureReasons() {
        JsonNode body = ok("/api/v1/analytics/tools");
        assertThat(body.get("sort").asString()).isEqualTo("usage");
        assertThat(Instant.parse(body.get("data_as_of").asString())).isEqualTo(Instant.parse("2026-11-01T10:02:00Z"));
        JsonNode search = body.get("tools").get(0);
        assertThat(search.get("tool_name").asString()).isEqualTo("search");
        assertThat(search.get("calls").asLong()).isEqualTo(3);
        assertThat(search.get("successes").asLong()).isEqualTo(1);
        assertThat(search.get("failures").asLong()).isEqualTo(2);
        assertThat(search.get("success_rate").asDouble()).isEqualTo(1 / 3.0);
        assertThat(search.get("avg_latency_ms").asDouble()).isEqualTo(200.0);
        assertThat(search.get("p50_latency_ms").asDouble()).isEqualTo(200.0);
        assertThat(search.get("p95_latency_ms").asDouble()).isCloseTo(290.0, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode reason = search.get("top_failure_reasons").get(0);
        assertThat(reason.get("pattern").asString()).isEqualTo("HTTP # for order A#");
        assertThat(reason.get("count").asLong()).isEqualTo(2);
        assertThat(reason.get("example").asString()).isEqualTo("HTTP 503 for order A123");
        JsonNode pay = body.get("tools").get(1);
        assertThat(pay.get("tool_name").asString()).isEqualTo("pay");
        assertThat(pay.get("calls").asLong()).isEqualTo(2);
        assertThat(pay.get("avg_latency_ms").asDouble()).isEqualTo(60.0);
        assertThat(pay.get("top_failure_reasons").size()).isZero();

        assertThat(ok("/api/v1/analytics/tools?agent_id=other").get("tools").size()).isEqualTo(1);
        JsonNode byLatency = ok("/api/v1/analytics/tools?sort=latency&limit=1");
        assertThat(byLatency.get("tools").size()).isEqualTo(1);
        assertThat(byLatency.get("tools").get(0).get("tool_name").asString()).isEqualTo("search");
        JsonNode none = ok("/api/v1/analytics/tools?agent_id=nobody");
        assertThat(none.get("tools").size()).isZero();
        assertThat(none.get("data_as_of").isNull()).isFalse();
    }

    @Test
    void agentsShowCostPerExecutionAndPerSuccess() {
        JsonNode bot = ok("/api/v1/analytics/agents").get("agents").get(0);
        assertThat(bot.get("agent_id").asString()).isEqualTo("bot");
        assertThat(bot.get("executions").asLong()).isEqualTo(2);
        assertThat(bot.get("successes").asLong()).isEqualTo(1);
        assertThat(bot.get("success_rate").asDouble()).isEqualTo(0.5);
        assertThat(bot.get("avg_latency_ms").asDouble()).isEqualTo(2000.0);
        assertThat(bot.get("total_cost_usd").decimalValue()).isEqualByComparingTo(FLASH_COST.multiply(BigDecimal.valueOf(3)));
        assertThat(bot.get("cost_per_execution_usd").decimalValue())
                .isEqualByComparingTo(new BigDecimal("0.0003375"));
        assertThat(bot.get("cost_per_success_usd").decimalValue())
                .isEqualByComparingTo(FLASH_COST.multiply(BigDecimal.valueOf(3)));
    }

    @Test
    void errorsGroupMessagesThatDifferOnlyInNumbers() {
        JsonNode body = ok("/api/v1/analytics/errors");
        JsonNode first = body.get("patterns").get(0);
        assertThat(first.get("source").asString()).isEqualTo("span");
        assertThat(first.get("kind").asString()).isEqualTo("tool");
        assertThat(first.get("pattern").asString()).isEqualTo("HTTP # for order A#");
        assertThat(first.get("count").asLong()).isEqualTo(2);
        assertThat(Instant.parse(first.get("first_seen").asString())).isEqualTo(Instant.parse("2026-11-01T10:00:00.100Z"));
        assertThat(Instant.parse(first.get("last_seen").asString())).isEqualTo(Instant.parse("2026-11-01T10:01:00Z"));
        assertThat(first.get("example_trace_id").asString()).isEqualTo("t-1");
        JsonNode second = body.get("patterns").get(1);
        assertThat(second.get("source").asString()).isEqualTo("trace");
        assertThat(second.get("pattern").asString()).isEqualTo("boom #");
        assertThat(body.get("patterns").size()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({
            "/api/v1/analytics/tools?sort=fastest, sort",
            "/api/v1/analytics/tools?limit=0, limit",
            "/api/v1/analytics/tools?limit=x, limit",
            "/api/v1/analytics/agents?limit=5000, limit",
            "/api/v1/analytics/agents?sort=usage, sort",
            "/api/v1/analytics/errors?from=yesterday, from",
            "/api/v1/analytics/errors?agentId=bot, agentId"})
    void badParametersAre400NamingTheParameter(String path, String parameter) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"" + parameter + "\"");
    }

    @Test
    void anUnknownParameterIsNamedWithEveryAcceptedOneIncludingTheEndpointsOwn() {
        Response r = server.get("/api/v1/analytics/tools?top=3", ADMIN_KEY);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).isEqualTo("unknown parameter 'top'; known: agent_id, "
                + "conversation_id, from, handoff, limit, max_confidence, message_type, min_confidence, model, session_id, "
                + "sort, status, tag, to, user_id");
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/analytics/tools", "/api/v1/analytics/agents", "/api/v1/analytics/errors"})
    void aKeyWithoutAnalyticsViewIs403AndNoKeyIs401(String path) {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"ingest-only-" + path.hashCode() + "\", \"scopes\": [\"ingest:write\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response r = server.get(path, created.json().get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.body()).contains("analytics:view");
        assertThat(server.send(server.request(path).GET().build()).status()).isEqualTo(401);
    }

    @Test
    void anotherWorkspaceSeesNothingOfThis() {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"eff-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String other = created.json().get("admin_key").get("secret").asString();
        for (String path : new String[] {"tools", "agents", "errors"}) {
            Response r = server.get("/api/v1/analytics/" + path, other);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get(path.equals("errors") ? "patterns" : path).size()).as(path).isZero();
        }
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
