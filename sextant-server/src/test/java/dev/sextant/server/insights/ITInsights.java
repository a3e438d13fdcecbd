package dev.sextant.server.insights;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * /api/v1/insights through the real server. The admin workspace gets data with known changes
 * between 1-7 and 8-14 November; a second workspace gets the same traffic with nothing changed;
 * a third stays empty. Expected figures are computed by hand (p-values cross-checked with scipy).
 */
class ITInsights {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    private static final Instant PREVIOUS = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant CURRENT = Instant.parse("2026-11-08T00:00:00Z");
    private static final String RANGE = "from=2026-11-08T00:00:00Z&to=2026-11-15T00:00:00Z";
    private static String unchangedKey;
    private static String emptyKey;

    /**
     * Per period: "bot" runs 100 interactions (1 s each, no cost), each calling the tool "search";
     * before, 5 calls time out; with a change, 23 fail, 10 of them with the new "quota exceeded for key N".
     * "writer" runs 40 interactions (0.5 s, two per conversation) with one LLM call each, on config
     * v6 at $0.010; with a change it moves to config v7 at $0.014 in the current period.
     */
    private static String batch(boolean change) {
        List<String> items = new ArrayList<>();
        for (int period = 0; period < 2; period++) {
            Instant base = period == 0 ? PREVIOUS : CURRENT;
            boolean now = period == 1 && change;
            for (int i = 0; i < 100; i++) {
                Instant start = base.plus(Duration.ofMinutes(90L * i));
                String id = "bot-" + period + "-" + i;
                items.add(trace(id, "bot", null, null, start, 1000));
                String error = now ? (i < 10 ? "quota exceeded for key " + (i * 7) : i < 23 ? "timeout after " + i + "00 ms" : null)
                        : i < 5 ? "timeout after " + i + "00 ms" : null;
                items.add("""
                        {"type": "span", "body": {"id": "%s-s", "trace_id": "%s", "kind": "tool", "name": "search",
                          "tool_name": "search", "status": "%s", %s "started_at": "%s", "ended_at": "%s"}}"""
                        .formatted(id, id, error == null ? "ok" : "error", error == null ? "" : "\"error\": \"" + error + "\",",
                                start, start.plusMillis(100)));
            }
            for (int i = 0; i < 40; i++) {
                Instant start = base.plus(Duration.ofHours(4L * i));
                String id = "writer-" + period + "-" + i;
                items.add(trace(id, "writer", now ? "v7" : "v6", "conv-" + period + "-" + i / 2, start, 500));
                items.add("""
                        {"type": "span", "body": {"id": "%s-llm", "trace_id": "%s", "kind": "llm", "name": "generate",
                          "model": "house-model", "cost_usd": %s, "usage": {"input_tokens": 100, "output_tokens": 10},
                          "started_at": "%s", "ended_at": "%s"}}"""
                        .formatted(id, id, now ? "0.014" : "0.010", start, start.plusMillis(200)));
            }
        }
        return "{\"batch\": [" + String.join(",", items) + "]}";
    }

    private static String trace(String id, String agent, String version, String conversation, Instant start, long ms) {
        return """
                {"type": "trace", "body": {"id": "%s", "agent_id": "%s", %s %s "status": "ok",
                  "started_at": "%s", "ended_at": "%s"}}"""
                .formatted(id, agent, version == null ? "" : "\"config_version\": \"" + version + "\",",
                        conversation == null ? "" : "\"conversation_id\": \"" + conversation + "\",", start,
                        start.plusMillis(ms));
    }

    private static String newWorkspace(String slug) {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    private static void ingest(String key, String body) {
        Response r = server.post("/api/v1/ingest", key, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("rejected").size()).as(r.toString()).isZero();
    }

    @BeforeAll
    static void ingestAll() {
        ingest(ADMIN_KEY, batch(true));
        unchangedKey = newWorkspace("insights-unchanged");
        ingest(unchangedKey, batch(false));
        emptyKey = newWorkspace("insights-empty");
    }

    @Test
    void theKnownChangesAreFoundRankedAndLinked() {
        JsonNode body = ok("/api/v1/insights?" + RANGE, ADMIN_KEY);
        assertThat(body.get("from").asString()).isEqualTo("2026-11-08T00:00:00Z");
        assertThat(body.get("previous_from").asString()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(body.get("previous_to").asString()).isEqualTo("2026-11-08T00:00:00Z");
        assertThat(body.get("correction").asString()).isEqualTo("benjamini_hochberg");
        // the newest interaction: writer's 40th of the current period, 8 Nov + 39 x 4 h
        assertThat(Instant.parse(body.get("data_as_of").asString())).isEqualTo(Instant.parse("2026-11-14T12:00:00Z"));

        JsonNode insights = body.get("insights");
        // scores: the two cost findings, every v7 interaction dearer than every v6 one: rank-biserial 1 x ln(41) = 3.71;
        // search: Cohen's h(0.23, 0.05) = 0.5493 x ln(101) = 2.54; the new error: h(0.10, 0) = 0.6435 x ln(11) = 1.54
        // the conversations: rank-biserial 1 x ln(21) = 3.04
        assertThat(insights.size()).as(body.toString()).isEqualTo(5);
        assertThat(kinds(insights)).containsExactly("agent_cost_per_interaction", "config_cost_per_interaction",
                "agent_cost_per_conversation", "tool_failure_rate", "new_error_pattern");
        for (int i = 0; i < 5; i++) {
            assertThat(insights.get(i).get("rank").asInt()).isEqualTo(i + 1);
            assertThat(insights.get(i).get("numbers").get("adjusted_p_value").asDouble()).isLessThanOrEqualTo(0.05);
        }

        JsonNode cost = insights.get(0);
        assertThat(cost.get("title").asString()).isEqualTo(
                "Agent writer's cost per interaction is $0.014, 40% higher than $0.01 in the previous period (40 and 40 interactions)");
        assertThat(cost.get("score").asDouble()).isCloseTo(Math.log(41), within(1e-9));
        assertThat(cost.get("numbers").get("change_ratio").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(cost.get("impact").asString()).isEqualTo("worse");
        JsonNode config = insights.get(1);
        assertThat(config.get("title").asString()).isEqualTo(
                "Agent writer's cost per interaction on config v7 is $0.014, 40% higher than $0.01 on v6 (40 and 40 interactions)");
        assertThat(config.get("subject").get("config_version").asString()).isEqualTo("v7");
        assertThat(config.get("subject").get("previous_config_version").asString()).isEqualTo("v6");

        JsonNode conversation = insights.get(2);
        assertThat(conversation.get("title").asString()).isEqualTo(
                "Agent writer's cost per conversation is $0.028, 40% higher than $0.02 in the previous period (20 and 20 conversations)");
        assertThat(conversation.get("numbers").get("current_samples").asLong()).isEqualTo(20);

        JsonNode tool = insights.get(3);
        assertThat(tool.get("title").asString()).isEqualTo(
                "Tool search fails 23.0% (23 of 100) of calls, up from 5.0% (5 of 100) in the previous period");
        JsonNode n = tool.get("numbers");
        assertThat(n.get("current").asDouble()).isEqualTo(0.23);
        assertThat(n.get("baseline").asDouble()).isEqualTo(0.05);
        assertThat(n.get("current_count").asLong()).isEqualTo(23);
        assertThat(n.get("baseline_samples").asLong()).isEqualTo(100);
        assertThat(n.get("test").asString()).isEqualTo("fisher_exact");
        // scipy.stats.fisher_exact([[23, 77], [5, 95]])
        assertThat(n.get("p_value").asDouble()).isCloseTo(0.00036766571207595466, within(1e-12));
        assertThat(tool.get("severity").asString()).isEqualTo("high");

        JsonNode error = insights.get(4);
        assertThat(error.get("subject").get("pattern").asString()).isEqualTo("quota exceeded for key #");
        // 10 occurrences, equal traffic in both periods (140 and 140): all in the current one with probability 0.5^10
        assertThat(error.get("numbers").get("p_value").asDouble()).isCloseTo(Math.pow(0.5, 10), within(1e-12));
        assertThat(error.get("title").asString()).isEqualTo("New error \"quota exceeded for key #\" (tool span): 10 times"
                + " in the current period (140 interactions), never in the previous period (140 interactions)");

        // the tool finding's link is a working read that shows the same figure
        String link = tool.get("links").get("analytics").asString();
        assertThat(link).isEqualTo("/api/v1/analytics/tools?sort=failure_rate&from=2026-11-08T00%3A00%3A00Z&to=2026-11-15T00%3A00%3A00Z");
        JsonNode search = ok(link, ADMIN_KEY).get("tools").get(0);
        assertThat(search.get("tool_name").asString()).isEqualTo("search");
        assertThat(search.get("failure_rate").asDouble()).isEqualTo(0.23);
        JsonNode listed = ok(cost.get("links").get("interactions").asString() + "&page_size=200", ADMIN_KEY);
        assertThat(listed.get("items").size()).isEqualTo(40);
    }

    @Test
    void theConsideredBlockSaysWhatWasLookedAt() {
        Map<String, JsonNode> considered = considered(ok("/api/v1/insights?" + RANGE, ADMIN_KEY));
        assertThat(considered).hasSize(12);
        JsonNode tools = considered.get("tool_failure_rate");
        assertThat(tools.get("candidates").asInt()).isEqualTo(1);
        assertThat(tools.get("tested").asInt()).isEqualTo(1);
        assertThat(tools.get("significant").asInt()).isEqualTo(1);
        assertThat(tools.get("minimum").asString()).isEqualTo("at least 30 calls of the tool in each period");
        // both agents have 100 / 40 interactions per period, enough for every per-agent test
        assertThat(considered.get("agent_error_rate").get("tested").asInt()).isEqualTo(2);
        assertThat(considered.get("agent_error_rate").get("significant").asInt()).isZero();
        // ratings: none sent, so no candidates at all
        assertThat(considered.get("agent_satisfaction").get("candidates").asInt()).isZero();
        // only writer has two config versions
        assertThat(considered.get("config_cost_per_interaction").get("candidates").asInt()).isEqualTo(1);
    }

    @Test
    void aShortWindowSkipsWhatHasTooLittleData() {
        // one day per period: bot has 16 interactions a day, writer 6: everything is under its minimum
        JsonNode body = ok("/api/v1/insights?from=2026-11-09T00:00:00Z&to=2026-11-10T00:00:00Z", ADMIN_KEY);
        assertThat(body.get("insights").size()).isZero();
        Map<String, JsonNode> considered = considered(body);
        assertThat(considered.get("tool_failure_rate").get("skipped_too_little_data").asInt()).isEqualTo(1);
        assertThat(considered.get("agent_error_rate").get("skipped_too_little_data").asInt()).isEqualTo(2);
        assertThat(considered.values().stream().mapToInt(c -> c.get("tested").asInt()).sum()).isZero();
    }

    @Test
    void agentIdNarrowsToOneAgent() {
        JsonNode body = ok("/api/v1/insights?agent_id=bot&" + RANGE, ADMIN_KEY);
        assertThat(body.get("agent_id").asString()).isEqualTo("bot");
        assertThat(kinds(body.get("insights"))).containsExactly("tool_failure_rate", "new_error_pattern");
        assertThat(body.get("insights").get(0).get("links").get("analytics").asString()).contains("agent_id=bot");
        JsonNode limited = ok("/api/v1/insights?limit=1&" + RANGE, ADMIN_KEY);
        assertThat(kinds(limited.get("insights"))).containsExactly("agent_cost_per_interaction");
        assertThat(considered(limited).get("tool_failure_rate").get("significant").asInt()).isEqualTo(1);
        assertThat(considered(limited).get("tool_failure_rate").get("reported").asInt()).isZero();
    }

    @Test
    void theSameTrafficWithNothingChangedGivesNoInsights() {
        JsonNode body = ok("/api/v1/insights?" + RANGE, unchangedKey);
        assertThat(body.get("insights").size()).as(body.toString()).isZero();
        Map<String, JsonNode> considered = considered(body);
        assertThat(considered.get("tool_failure_rate").get("tested").asInt()).isEqualTo(1);
        assertThat(considered.get("agent_cost_per_interaction").get("tested").asInt()).isEqualTo(2);
        assertThat(considered.get("new_error_pattern").get("candidates").asInt()).isZero();
        assertThat(considered.get("agent_cost_per_conversation").get("tested").asInt()).isEqualTo(1);
    }

    @Test
    void anotherWorkspaceSeesNoneOfThis() {
        JsonNode body = ok("/api/v1/insights?" + RANGE, emptyKey);
        assertThat(body.get("insights").size()).isZero();
        assertThat(considered(body).values().stream().mapToInt(c -> c.get("candidates").asInt()).sum()).isZero();
        assertThat(body.get("data_as_of").isNull()).isFalse();
        // the admin's agent named in the other workspace: still nothing
        assertThat(ok("/api/v1/insights?agent_id=writer&" + RANGE, emptyKey).get("insights").size()).isZero();
    }

    @Test
    void withoutFromAndToTheLastSevenDaysAreCompared() {
        JsonNode body = ok("/api/v1/insights", ADMIN_KEY);
        Instant from = Instant.parse(body.get("from").asString());
        Instant to = Instant.parse(body.get("to").asString());
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(7));
        assertThat(Instant.parse(body.get("previous_from").asString())).isEqualTo(from.minus(Duration.ofDays(7)));
        JsonNode days = ok("/api/v1/insights?days=3&to=2026-11-15T00:00:00Z", ADMIN_KEY);
        assertThat(days.get("from").asString()).isEqualTo("2026-11-12T00:00:00Z");
        assertThat(days.get("previous_from").asString()).isEqualTo("2026-11-09T00:00:00Z");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "days=0 | days",
            "days=367 | days",
            "days=seven | days",
            "days=1.5 | days",
            "limit=0 | limit",
            "limit=101 | limit",
            "limit=ten | limit",
            "from=yesterday | from",
            "to=2026-11-08 | to",
            "from=2026-11-08T00:00:00Z&to=2026-11-01T00:00:00Z | to",
            "from=2025-01-01T00:00:00Z&to=2026-11-01T00:00:00Z | from",
            "from=2026-11-08T00:00:00Z&days=3 | days",
            "agent=bot | agent",
            "agent_id= | agent_id",
            "agent_id=a&agent_id=b | agent_id",
            "metric=cost | metric"})
    void badParametersAre400NamingTheParameter(String query, String parameter) {
        Response r = server.get("/api/v1/insights?" + query, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("parameter")).contains(parameter);
    }

    @Test
    void oversizeAndHostileValuesAreHandled() {
        Response oversize = server.get("/api/v1/insights?agent_id=" + "a".repeat(2000), ADMIN_KEY);
        assertThat(oversize.status()).as(oversize.toString()).isEqualTo(400);
        assertThat(oversize.body()).contains("over the limit of 1024");
        for (String hostile : new String[] {"'; DROP TABLE traces; --", "bot' OR '1'='1", "<script>alert(1)</script>",
                "\u00e9\u4e2d\ud83d\ude00"}) {
            JsonNode body = ok("/api/v1/insights?" + RANGE + "&agent_id=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8),
                    ADMIN_KEY);
            assertThat(body.get("insights").size()).as(hostile).isZero();
            assertThat(body.get("agent_id").asString()).isEqualTo(hostile);
        }
        // the data is still there
        assertThat(ok("/api/v1/insights?" + RANGE, ADMIN_KEY).get("insights").size()).isEqualTo(5);
    }

    @Test
    void aKeyWithoutAnalyticsViewIs403AndNoKeyIs401() {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"insights-ingest-only\", \"scopes\": [\"ingest:write\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response forbidden = server.get("/api/v1/insights", created.json().get("secret").asString());
        assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
        assertThat(forbidden.body()).contains("analytics:view");
        assertThat(server.send(server.request("/api/v1/insights").GET().build()).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/insights", "sk-not-a-real-key-0123456789").status()).isEqualTo(401);
    }

    private static List<String> kinds(JsonNode insights) {
        List<String> kinds = new ArrayList<>();
        insights.forEach(i -> kinds.add(i.get("kind").asString()));
        return kinds;
    }

    private static Map<String, JsonNode> considered(JsonNode body) {
        Map<String, JsonNode> byDetector = new HashMap<>();
        body.get("considered").forEach(c -> byDetector.put(c.get("detector").asString(), c));
        return byDetector;
    }

    private static JsonNode ok(String path, String key) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
