package dev.sextant.server.analytics;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * /api/v1/analytics/costs/* through the real server, priced by the shipped catalog, figures by hand.
 * <ul>
 *   <li>"answer": 400 traces of 1000 input + 500 output tokens, even ones on gemini-1.5-flash
 *       (1000 × 0.075 + 500 × 0.30 = $0.000225), odd ones on gemini-1.5-pro (1000 × 1.25 + 500 × 5
 *       = $0.00375); all succeed, none hands off; the first 100 rated 5. Every fourth has metadata
 *       campaign_id spring (else fall) and the tag campaign:spring.
 *   <li>"summarize": 10 traces on flash ($0.000225 each).
 *   <li>"chat": conversation c-grow, 4 turns on gpt-4o-2024-08-06 with 1000·k input tokens (400 of
 *       them cache reads) and 100 output, all sending "hello": (1000k − 400) × 2.5 + 400 × 1.25 +
 *       100 × 10 = 2500k + 500 → $0.003, 0.0055, 0.008, 0.0105 (total $0.027); conversation c-flat,
 *       3 turns on flash with 500 + 500 tokens ($0.0001875 each).
 * </ul>
 * All start within the last two days, so inside the 30-day volume window.
 */
class ITCostAnalysis {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    private static final BigDecimal FLASH = new BigDecimal("0.000225");
    private static final BigDecimal PRO = new BigDecimal("0.00375");
    private static final BigDecimal CHAT = new BigDecimal("0.027");
    private static final BigDecimal FLAT = new BigDecimal("0.0001875");

    @BeforeAll
    static void ingest() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.DAYS);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String id = "a-" + i;
            Instant at = base.plusSeconds(i * 60L);
            boolean spring = i % 4 == 0;
            items.add(trace(id, "answer", null, at, ", \"metadata\": {\"campaign_id\": \"" + (spring ? "spring" : "fall")
                    + "\"}" + (spring ? ", \"tags\": [\"campaign:spring\"]" : "")));
            items.add(llm(id, i % 2 == 0 ? "gemini-1.5-flash" : "gemini-1.5-pro", at, 1000, 0, 500, null));
            if (i < 100) {
                items.add("{\"type\": \"score\", \"body\": {\"id\": \"" + id + "-r\", \"trace_id\": \"" + id
                        + "\", \"name\": \"user_rating\", \"value\": 5}}");
            }
        }
        for (int i = 0; i < 10; i++) {
            Instant at = base.plusSeconds(30_000 + i * 60L);
            items.add(trace("s-" + i, "summarize", null, at, ""));
            items.add(llm("s-" + i, "gemini-1.5-flash", at, 1000, 0, 500, null));
        }
        for (int k = 1; k <= 4; k++) {
            Instant at = base.plusSeconds(40_000 + k * 60L);
            items.add(trace("g-" + k, "chat", "c-grow", at, ""));
            items.add(llm("g-" + k, "gpt-4o-2024-08-06", at, 1000L * k, 400, 100, "hello"));
        }
        for (int k = 1; k <= 3; k++) {
            Instant at = base.plusSeconds(50_000 + k * 60L);
            items.add(trace("f-" + k, "chat", "c-flat", at, ""));
            items.add(llm("f-" + k, "gemini-1.5-flash", at, 500, 0, 500, "turn " + k));
        }
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, "{\"batch\": [" + String.join(",\n", items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static String trace(String id, String name, String conversation, Instant at, String more) {
        return """
                {"type": "trace", "body": {"id": "%s", "agent_id": "writer", "name": "%s", %s "status": "ok",
                  "started_at": "%s", "ended_at": "%s"%s}}""".formatted(id, name,
                conversation == null ? "" : "\"conversation_id\": \"" + conversation + "\",", at, at.plusSeconds(2), more);
    }

    private static String llm(String traceId, String model, Instant at, long input, long cached, long output,
            String text) {
        return """
                {"type": "span", "body": {"id": "%s-llm", "trace_id": "%s", "kind": "llm", "name": "generate",
                  "model": "%s", "usage": {"input_tokens": %d, "cache_read_tokens": %d, "output_tokens": %d},
                  %s "started_at": "%s", "ended_at": "%s"}}""".formatted(traceId, traceId, model, input, cached, output,
                text == null ? "" : "\"input\": \"" + text + "\",", at.plusMillis(10), at.plusSeconds(1));
    }

    @Test
    void flashIsRecommendedForAnswerWithItsMonthlySaving() {
        JsonNode body = ok("/api/v1/analytics/costs/recommendations");
        assertThat(body.get("task").asString()).isEqualTo("name");
        assertThat(body.get("settings").get("min_executions").asInt()).isEqualTo(30);
        JsonNode answer = body.get("comparisons").get(0);
        assertThat(answer.get("task").asString()).isEqualTo("answer");
        assertThat(answer.get("verdict").asString()).as(answer.toString()).isEqualTo("recommended");
        assertThat(answer.get("recommend").asBoolean()).isTrue();
        JsonNode cheap = answer.get("cheaper_model");
        JsonNode dear = answer.get("expensive_model");
        assertThat(cheap.get("model").asString()).isEqualTo("gemini-1.5-flash");
        assertThat(dear.get("model").asString()).isEqualTo("gemini-1.5-pro");
        assertThat(cheap.get("executions").asLong()).isEqualTo(200);
        assertThat(cheap.get("ratings").asLong()).isEqualTo(50);
        assertThat(cheap.get("mean_rating").asDouble()).isEqualTo(5.0);
        assertThat(cheap.get("cost_per_execution_usd").decimalValue()).isEqualByComparingTo(FLASH);
        assertThat(dear.get("cost_per_execution_usd").decimalValue()).isEqualByComparingTo(PRO);
        assertThat(dear.get("executions_last_30_days").asLong()).isEqualTo(200);
        // (0.00375 − 0.000225) × 200 executions of Pro in the last 30 days
        assertThat(answer.get("projected_monthly_savings_usd").decimalValue()).isEqualByComparingTo("0.705");
        assertThat(answer.get("cost_per_execution_difference_usd").decimalValue()).isEqualByComparingTo("0.003525");
        JsonNode success = answer.get("metrics").get(0);
        assertThat(success.get("metric").asString()).isEqualTo("success_rate");
        assertThat(success.get("n_cheaper").asLong()).isEqualTo(200);
        assertThat(success.get("difference").asDouble()).isZero();
        assertThat(success.get("non_inferior").asBoolean()).isTrue();
        assertThat(success.get("non_inferiority_p_value").asDouble()).isLessThan(1e-6);
        assertThat(success.get("non_inferiority_p_value_holm").asDouble()).isLessThan(1e-6);
        assertThat(success.get("p_value").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(answer.get("metrics").get(2).get("tested").asBoolean()).isTrue();

        JsonNode chat = body.get("comparisons").get(1);
        assertThat(chat.get("task").asString()).isEqualTo("chat");
        assertThat(chat.get("verdict").asString()).isEqualTo("insufficient_data");
        assertThat(chat.get("reason").asString())
                .isEqualTo("at least 30 executions per model are needed; gemini-1.5-flash has 3, gpt-4o-2024-08-06 has 4");
        // (0.027 / 4 − 0.0001875) × 4
        assertThat(chat.get("projected_monthly_savings_usd").decimalValue()).isEqualByComparingTo("0.02625");
        assertThat(body.get("comparisons").size()).isEqualTo(2);
        assertThat(body.get("single_model_tasks").get(0).get("task").asString()).isEqualTo("summarize");

        JsonNode strict = ok("/api/v1/analytics/costs/recommendations?success_margin=0.001&handoff_margin=0.001");
        assertThat(strict.get("settings").get("success_margin").asDouble()).isEqualTo(0.001);
        assertThat(ok("/api/v1/analytics/costs/recommendations?task=intent").get("comparisons").size()).isZero();
        assertThat(ok("/api/v1/analytics/costs/recommendations?model=gpt-4o-2024-08-06").get("comparisons").size())
                .isZero();
    }

    @Test
    void operationsRankTraceNamesSpansAndAgentsByCost() {
        JsonNode body = ok("/api/v1/analytics/costs/operations");
        BigDecimal answer = FLASH.add(PRO).multiply(BigDecimal.valueOf(200));
        BigDecimal chat = CHAT.add(FLAT.multiply(BigDecimal.valueOf(3)));
        BigDecimal summarize = FLASH.multiply(BigDecimal.TEN);
        BigDecimal total = answer.add(chat).add(summarize);
        assertThat(body.get("traces_total_cost_usd").decimalValue()).isEqualByComparingTo(total);
        assertThat(body.get("spans_total_cost_usd").decimalValue()).isEqualByComparingTo(total);
        JsonNode names = body.get("by_trace_name");
        assertThat(List.of(names.get(0).get("name").asString(), names.get(1).get("name").asString(),
                names.get(2).get("name").asString())).containsExactly("answer", "chat", "summarize");
        assertThat(names.get(0).get("count").asLong()).isEqualTo(400);
        assertThat(names.get(0).get("total_cost_usd").decimalValue()).isEqualByComparingTo(answer);
        assertThat(names.get(0).get("cost_per_call_usd").decimalValue()).isEqualByComparingTo("0.0019875");
        assertThat(names.get(0).get("share_of_total").asDouble())
                .isCloseTo(answer.doubleValue() / total.doubleValue(), within(1e-12));
        JsonNode pro = body.get("by_span").get(0);
        assertThat(pro.get("name").asString()).isEqualTo("generate");
        assertThat(pro.get("model").asString()).isEqualTo("gemini-1.5-pro");
        assertThat(pro.get("p95_cost_usd").asDouble()).isCloseTo(0.00375, within(1e-12));
        assertThat(body.get("by_span").get(1).get("count").asLong()).isEqualTo(213);
        assertThat(body.get("by_agent").get(0).get("name").asString()).isEqualTo("writer");
        assertThat(body.get("by_agent").get(0).get("share_of_total").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(ok("/api/v1/analytics/costs/operations?limit=1").get("by_span").size()).isEqualTo(1);
    }

    @Test
    void breakdownsByConversationCampaignTagAndMetadata() {
        JsonNode conversations = ok("/api/v1/analytics/costs/breakdown?by=conversation");
        assertThat(conversations.get("by").asString()).isEqualTo("conversation");
        assertThat(conversations.get("group_count").asLong()).isEqualTo(2);
        JsonNode grow = conversations.get("groups").get(0);
        assertThat(grow.get("key").asString()).isEqualTo("c-grow");
        assertThat(grow.get("traces").asLong()).isEqualTo(4);
        assertThat(grow.get("total_cost_usd").decimalValue()).isEqualByComparingTo(CHAT);
        assertThat(grow.get("mean_cost_usd").asDouble()).isCloseTo(0.00675, within(1e-12));
        assertThat(grow.get("p50_cost_usd").asDouble()).isCloseTo(0.00675, within(1e-12)); // (0.0055 + 0.008) / 2
        assertThat(grow.get("p95_cost_usd").asDouble()).isCloseTo(0.008 + 0.85 * 0.0025, within(1e-12));
        assertThat(conversations.get("ungrouped_traces").asLong()).isEqualTo(410);

        JsonNode campaigns = ok("/api/v1/analytics/costs/breakdown?by=tag:campaign");
        assertThat(campaigns.get("groups").size()).isEqualTo(1);
        assertThat(campaigns.get("groups").get(0).get("key").asString()).isEqualTo("spring");
        assertThat(campaigns.get("groups").get(0).get("total_cost_usd").decimalValue())
                .isEqualByComparingTo(FLASH.multiply(BigDecimal.valueOf(100)));

        JsonNode metadata = ok("/api/v1/analytics/costs/breakdown?by=metadata:campaign_id&limit=1");
        assertThat(metadata.get("group_count").asLong()).isEqualTo(2);
        assertThat(metadata.get("groups").size()).isEqualTo(1);
        assertThat(metadata.get("groups").get(0).get("key").asString()).isEqualTo("fall");
        assertThat(metadata.get("groups").get(0).get("traces").asLong()).isEqualTo(300);
        assertThat(metadata.get("groups").get(0).get("total_cost_usd").decimalValue())
                .isEqualByComparingTo(FLASH.multiply(BigDecimal.valueOf(100)).add(PRO.multiply(BigDecimal.valueOf(200))));
        assertThat(ok("/api/v1/analytics/costs/breakdown?by=user").get("ungrouped_traces").asLong()).isEqualTo(417);
    }

    @Test
    void wasteShowsGrowingPromptsCacheDollarsAndRepeatedPrompts() {
        JsonNode body = ok("/api/v1/analytics/costs/waste");
        JsonNode growth = body.get("prompt_growth");
        assertThat(growth.get("min_turns").asInt()).isEqualTo(3);
        assertThat(growth.get("conversations").asLong()).isEqualTo(2);
        assertThat(growth.get("growing").asLong()).isEqualTo(1);
        JsonNode grow = growth.get("fastest").get(0);
        assertThat(grow.get("conversation_id").asString()).isEqualTo("c-grow");
        assertThat(grow.get("slope_tokens_per_turn").asDouble()).isCloseTo(1000.0, within(1e-9));
        assertThat(grow.get("r2").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(grow.get("first_turn_input_tokens").asLong()).isEqualTo(1000);
        assertThat(grow.get("last_turn_input_tokens").asLong()).isEqualTo(4000);
        assertThat(growth.get("fastest").get(1).get("r2").isNull()).isTrue();

        JsonNode gpt = null;
        for (JsonNode m : body.get("cache")) {
            if (m.get("model").asString().equals("gpt-4o-2024-08-06")) {
                gpt = m;
            }
        }
        assertThat(gpt).isNotNull();
        assertThat(gpt.get("input_tokens").asLong()).isEqualTo(10_000);
        assertThat(gpt.get("cache_read_tokens").asLong()).isEqualTo(1600);
        assertThat(gpt.get("cache_read_ratio").asDouble()).isCloseTo(0.16, within(1e-12));
        assertThat(gpt.get("days_without_cache_price").asInt()).isZero();
        // 1600 × (2.50 − 1.25) / 1M and (10000 − 1600) × 1.25 / 1M
        assertThat(gpt.get("realized_savings_usd").decimalValue()).isEqualByComparingTo("0.002");
        assertThat(gpt.get("potential_savings_usd").decimalValue()).isEqualByComparingTo("0.0105");
        for (JsonNode m : body.get("cache")) {
            if (m.get("model").asString().startsWith("gemini")) {
                assertThat(m.get("realized_savings_usd").isNull()).as(m.toString()).isTrue();
                assertThat(m.get("days_with_cache_price").asInt()).isZero();
            }
        }

        JsonNode repeated = body.get("repeated_prompts");
        assertThat(repeated.get("groups").asLong()).isEqualTo(1);
        assertThat(repeated.get("calls").asLong()).isEqualTo(4);
        assertThat(repeated.get("wasted_cost_usd").decimalValue()).isEqualByComparingTo("0.02025"); // 0.027 − 0.027 / 4
        JsonNode hello = repeated.get("top").get(0);
        assertThat(hello.get("preview").asString()).isEqualTo("hello");
        assertThat(hello.get("model").asString()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(hello.get("example_trace_id").asString()).isEqualTo("g-1");
        assertThat(ok("/api/v1/analytics/costs/waste?min_turns=4").get("prompt_growth").get("conversations").asLong())
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/analytics/costs/recommendations?task=tool | task",
            "/api/v1/analytics/costs/recommendations?success_margin=0 | success_margin",
            "/api/v1/analytics/costs/recommendations?rating_margin=abc | rating_margin",
            "/api/v1/analytics/costs/recommendations?handoff_margin=1.5 | handoff_margin",
            "/api/v1/analytics/costs/recommendations?task=name&task=intent | task",
            "/api/v1/analytics/costs/operations?limit=0 | limit",
            "/api/v1/analytics/costs/operations?limit=1001 | limit",
            "/api/v1/analytics/costs/operations?limit=1e3 | limit",
            "/api/v1/analytics/costs/operations?by=agent | by",
            "/api/v1/analytics/costs/breakdown | by",
            "/api/v1/analytics/costs/breakdown?by= | by",
            "/api/v1/analytics/costs/breakdown?by=campaign | by",
            "/api/v1/analytics/costs/breakdown?by=metadata: | by",
            "/api/v1/analytics/costs/breakdown?by=tag:x&from=yesterday | from",
            "/api/v1/analytics/costs/waste?min_turns=1 | min_turns",
            "/api/v1/analytics/costs/waste?min_turns=three | min_turns",
            "/api/v1/analytics/costs/waste?agentId=writer | agentId",
            "/api/v1/analytics/costs/waste?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z | to"})
    void badParametersAre400NamingTheParameter(String path, String parameter) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"parameter\":\"" + parameter + "\"");
        assertThat(r.contentType()).contains("application/problem+json");
    }

    @Test
    void hostileValuesAreBoundNotExecutedAndOversizeOnesRefused() {
        String hostile = URLEncoder.encode("x'); DROP TABLE traces; --", StandardCharsets.UTF_8);
        assertThat(ok("/api/v1/analytics/costs/breakdown?by=metadata:" + hostile).get("groups").size()).isZero();
        assertThat(ok("/api/v1/analytics/costs/breakdown?by=tag:" + hostile).get("groups").size()).isZero();
        assertThat(ok("/api/v1/analytics/costs/breakdown?by=metadata:" + URLEncoder.encode("$.campaign_id",
                StandardCharsets.UTF_8)).get("groups").size()).isZero();
        assertThat(ok("/api/v1/analytics/costs/operations").get("by_trace_name").get(0).get("count").asLong())
                .isEqualTo(400);
        Response big = server.get("/api/v1/analytics/costs/breakdown?by=metadata:" + "k".repeat(300), ADMIN_KEY);
        assertThat(big.status()).as(big.toString()).isEqualTo(400);
        assertThat(big.body()).contains("over the limit of 256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"recommendations", "operations", "breakdown?by=user", "waste"})
    void aKeyWithoutAnalyticsViewIs403AndNoKeyIs401(String path) {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"ingest-only-cost-" + path.hashCode() + "\", \"scopes\": [\"ingest:write\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response r = server.get("/api/v1/analytics/costs/" + path, created.json().get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.body()).contains("analytics:view");
        assertThat(server.send(server.request("/api/v1/analytics/costs/" + path).GET().build()).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/analytics/costs/" + path, "sk-not-a-real-key-0123456789").status()).isEqualTo(401);
    }

    @Test
    void anotherWorkspaceSeesNothingOfThis() {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"cost-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String other = created.json().get("admin_key").get("secret").asString();
        JsonNode recommendations = get(other, "recommendations");
        assertThat(recommendations.get("comparisons").size()).isZero();
        assertThat(recommendations.get("single_model_tasks").size()).isZero();
        JsonNode operations = get(other, "operations");
        assertThat(operations.get("by_trace_name").size()).isZero();
        assertThat(operations.get("traces_total_cost_usd").decimalValue()).isZero();
        assertThat(get(other, "breakdown?by=conversation").get("groups").size()).isZero();
        JsonNode waste = get(other, "waste");
        assertThat(waste.get("prompt_growth").get("conversations").asLong()).isZero();
        assertThat(waste.get("cache").size()).isZero();
        assertThat(waste.get("repeated_prompts").get("groups").asLong()).isZero();
        assertThat(waste.get("data_as_of").isNull()).isFalse();
    }

    private static JsonNode get(String key, String path) {
        Response r = server.get("/api/v1/analytics/costs/" + path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
