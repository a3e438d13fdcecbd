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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** /api/v1/analytics/intents, /handoffs and /decisions through the real server, figures computed by hand. */
class ITIntentsHandoffsDecisions {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    private static final BigDecimal FLASH_COST = new BigDecimal("0.000225"); // 1000 × 0.075/1M + 500 × 0.30/1M

    /**
     * Six traces on 2026-11-01 (all times below are that day, UTC):
     * t-1 bot c-1 10:00 2000 ms  order_status .9           route answer .9, tone formal 1.0; rating 5; one flash call
     * t-2 bot c-1 10:05 4000 ms  refund .4, complaint .7   hand-off angry → human:tier1, hand-off span at +1.5 s;
     *                                                      route handoff .3; rating 2, thumbs 0
     * t-3 bot c-2 11:00 1000 ms  order_status .8, error    hand-off low_confidence → human:tier1, no span;
     *                                                      route handoff .45; resolved 1
     * t-4 other c-3 11:30 3000 ms refund .95               route answer .85; rating 4, thumbs 1; two flash calls;
     *                                                      a hand-off span to editor-agent (trace not handed off)
     * t-5 bot c-3 12:00 no intents, nothing else
     * t-6 bot c-2 12:30 500 ms   order_status .6           route answer .55 (c-2 goes on after t-3's hand-off)
     */
    private static final String BATCH = """
            {"batch": [
              {"type": "trace", "body": {"id": "t-1", "agent_id": "bot", "conversation_id": "c-1", "status": "ok",
                "started_at": "2026-11-01T10:00:00Z", "ended_at": "2026-11-01T10:00:02Z",
                "intents": [{"name": "order_status", "confidence": 0.9}], "handoff": {"triggered": false}}},
              {"type": "trace", "body": {"id": "t-2", "agent_id": "bot", "conversation_id": "c-1", "status": "ok",
                "started_at": "2026-11-01T10:05:00Z", "ended_at": "2026-11-01T10:05:04Z",
                "intents": [{"name": "refund", "confidence": 0.4}, {"name": "complaint", "confidence": 0.7}],
                "handoff": {"triggered": true, "reason": "angry", "target": "human:tier1"}}},
              {"type": "trace", "body": {"id": "t-3", "agent_id": "bot", "conversation_id": "c-2", "status": "error",
                "error": "boom", "started_at": "2026-11-01T11:00:00Z", "ended_at": "2026-11-01T11:00:01Z",
                "intents": [{"name": "order_status", "confidence": 0.8}],
                "handoff": {"triggered": true, "reason": "low_confidence", "target": "human:tier1"}}},
              {"type": "trace", "body": {"id": "t-4", "agent_id": "other", "conversation_id": "c-3", "status": "ok",
                "started_at": "2026-11-01T11:30:00Z", "ended_at": "2026-11-01T11:30:03Z",
                "intents": [{"name": "refund", "confidence": 0.95}]}},
              {"type": "trace", "body": {"id": "t-5", "agent_id": "bot", "conversation_id": "c-3",
                "started_at": "2026-11-01T12:00:00Z"}},
              {"type": "trace", "body": {"id": "t-6", "agent_id": "bot", "conversation_id": "c-2", "status": "ok",
                "started_at": "2026-11-01T12:30:00Z", "ended_at": "2026-11-01T12:30:00.500Z",
                "intents": [{"name": "order_status", "confidence": 0.6}]}},
              %s, %s, %s,
              %s, %s, %s, %s, %s, %s,
              {"type": "span", "body": {"id": "s-ho2", "trace_id": "t-2", "kind": "handoff", "name": "to_human",
                "started_at": "2026-11-01T10:05:01.500Z", "ended_at": "2026-11-01T10:05:01.600Z",
                "handoff": {"triggered": true, "reason": "angry", "target": "human:tier1"}}},
              {"type": "span", "body": {"id": "s-ho4", "trace_id": "t-4", "kind": "handoff", "name": "to_editor",
                "started_at": "2026-11-01T11:30:01Z", "ended_at": "2026-11-01T11:30:01.100Z",
                "handoff": {"triggered": true, "reason": "draft_ready", "target": "editor-agent"}}},
              {"type": "score", "body": {"id": "f-1", "trace_id": "t-1", "name": "user_rating", "value": 5}},
              {"type": "score", "body": {"id": "f-2", "trace_id": "t-2", "name": "user_rating", "value": 2}},
              {"type": "score", "body": {"id": "f-3", "trace_id": "t-2", "name": "thumbs", "value": 0}},
              {"type": "score", "body": {"id": "f-4", "trace_id": "t-3", "name": "resolved", "value": 1}},
              {"type": "score", "body": {"id": "f-5", "trace_id": "t-4", "name": "user_rating", "value": 4}},
              {"type": "score", "body": {"id": "f-6", "trace_id": "t-4", "name": "thumbs", "value": 1}}
            ]}
            """.formatted(llm("s-l1", "t-1"), llm("s-l4a", "t-4"), llm("s-l4b", "t-4"),
            decision("s-d1", "t-1", "route", "answer", 0.9, "10:00:00.100", "known intent"),
            decision("s-d1t", "t-1", "tone", "formal", 1.0, "10:00:00.200", "business customer"),
            decision("s-d2", "t-2", "route", "handoff", 0.3, "10:05:00.100", "angry"),
            decision("s-d3", "t-3", "route", "handoff", 0.45, "11:00:00.100", "unclear"),
            decision("s-d4", "t-4", "route", "answer", 0.85, "11:30:00.100", "known intent"),
            decision("s-d6", "t-6", "route", "answer", 0.55, "12:30:00.100", "probably fine"));

    private static String llm(String id, String trace) {
        return """
                {"type": "span", "body": {"id": "%s", "trace_id": "%s", "kind": "llm", "name": "generate",
                  "model": "gemini-1.5-flash", "usage": {"input_tokens": 1000, "output_tokens": 500}}}"""
                .formatted(id, trace);
    }

    private static String decision(String id, String trace, String point, String chosen, double confidence,
            String at, String reasoning) {
        String alternatives = point.equals("route") ? "[\"answer\", \"handoff\", \"clarify\"]" : "[\"formal\", \"casual\"]";
        return """
                {"type": "span", "body": {"id": "%s", "trace_id": "%s", "kind": "decision", "name": "%s",
                  "started_at": "2026-11-01T%sZ", "ended_at": "2026-11-01T%sZ", "confidence": %s,
                  "decision": {"point": "%s", "chosen": "%s", "alternatives": %s, "reasoning": "%s"}}}"""
                .formatted(id, trace, point, at, at, confidence, point, chosen, alternatives, reasoning);
    }

    @BeforeAll
    static void ingest() {
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, BATCH);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("rejected").size()).as(r.toString()).isZero();
    }

    @Test
    void intentsArePerPrimaryIntentWithCostLatencyAndFeedback() {
        JsonNode body = ok("/api/v1/analytics/intents");
        assertThat(body.get("interactions").asLong()).isEqualTo(6);
        assertThat(body.get("without_intent").asLong()).isEqualTo(1);
        assertThat(body.get("interval").isNull()).isTrue();
        assertThat(Instant.parse(body.get("data_as_of").asString())).isEqualTo(Instant.parse("2026-11-01T12:30:00Z"));
        JsonNode intents = body.get("intents");
        assertThat(intents.size()).isEqualTo(3);
        JsonNode order = intents.get(0);
        assertThat(order.get("intent").asString()).isEqualTo("order_status");
        assertThat(order.get("interactions").asLong()).isEqualTo(3);
        assertThat(order.get("share").asDouble()).isCloseTo(0.6, within(1e-12)); // 3 of the 5 with an intent
        assertThat(order.get("total_cost_usd").decimalValue()).isEqualByComparingTo(FLASH_COST);
        assertThat(order.get("cost_per_interaction_usd").decimalValue()).isEqualByComparingTo("0.000075");
        assertThat(order.get("p50_latency_ms").asDouble()).isEqualTo(1000.0); // of 500, 1000, 2000
        assertThat(order.get("p95_latency_ms").asDouble()).isCloseTo(1900.0, within(1e-9)); // 1000 + 0.9 × 1000
        assertThat(order.get("mean_intent_confidence").asDouble()).isCloseTo(2.3 / 3, within(1e-12));
        assertThat(order.get("mean_rating").asDouble()).isEqualTo(5.0);
        assertThat(order.get("ratings").asLong()).isEqualTo(1);
        assertThat(order.get("handoffs").asLong()).isEqualTo(1);
        assertThat(order.get("handoff_rate").asDouble()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(order.get("errors").asLong()).isEqualTo(1);
        assertThat(order.get("error_rate").asDouble()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(order.get("series").isNull()).isTrue();
        // complaint (0.7) wins over refund (0.4) in t-2; the tie of one interaction each is broken by name
        JsonNode complaint = intents.get(1);
        assertThat(complaint.get("intent").asString()).isEqualTo("complaint");
        assertThat(complaint.get("interactions").asLong()).isEqualTo(1);
        assertThat(complaint.get("mean_intent_confidence").asDouble()).isEqualTo(0.7);
        assertThat(complaint.get("handoff_rate").asDouble()).isEqualTo(1.0);
        assertThat(complaint.get("mean_rating").asDouble()).isEqualTo(2.0);
        JsonNode refund = intents.get(2);
        assertThat(refund.get("intent").asString()).isEqualTo("refund");
        assertThat(refund.get("total_cost_usd").decimalValue()).isEqualByComparingTo(FLASH_COST.multiply(BigDecimal.TWO));
        assertThat(refund.get("p50_latency_ms").asDouble()).isEqualTo(3000.0);

        JsonNode bot = ok("/api/v1/analytics/intents?agent_id=bot");
        assertThat(bot.get("interactions").asLong()).isEqualTo(5);
        assertThat(bot.get("intents").size()).isEqualTo(2);
    }

    @Test
    void intentSeriesHaveEveryBucket() {
        JsonNode body = ok("/api/v1/analytics/intents?interval=hour&from=2026-11-01T10:00:00Z&to=2026-11-01T13:00:00Z");
        assertThat(body.get("interval").asString()).isEqualTo("hour");
        assertThat(seriesCounts(body.get("intents").get(0))).containsExactly(1L, 1L, 1L);
        assertThat(seriesCounts(body.get("intents").get(1))).containsExactly(1L, 0L, 0L);
        assertThat(seriesCounts(body.get("intents").get(2))).containsExactly(0L, 1L, 0L);
        JsonNode first = body.get("intents").get(0).get("series").get(1);
        assertThat(Instant.parse(first.get("start").asString())).isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));
        assertThat(first.get("handoffs").asLong()).isEqualTo(1);
        assertThat(first.get("errors").asLong()).isEqualTo(1);
        assertThat(first.get("cost_usd").decimalValue()).isEqualByComparingTo("0");
    }

    private static List<Long> seriesCounts(JsonNode intent) {
        List<Long> counts = new ArrayList<>();
        intent.get("series").forEach(b -> counts.add(b.get("interactions").asLong()));
        return counts;
    }

    @Test
    void handoffsByReasonTimeAndAftermath() {
        JsonNode body = ok("/api/v1/analytics/handoffs");
        assertThat(body.get("interactions").asLong()).isEqualTo(6);
        assertThat(body.get("handoffs").asLong()).isEqualTo(2);
        assertThat(body.get("handoff_rate").asDouble()).isCloseTo(1 / 3.0, within(1e-12));
        JsonNode reasons = body.get("by_reason");
        assertThat(reasons.size()).isEqualTo(2);
        assertThat(reasons.get(0).get("reason").asString()).isEqualTo("angry");
        assertThat(reasons.get(0).get("share").asDouble()).isEqualTo(0.5);
        assertThat(reasons.get(0).get("p50_time_to_handoff_ms").asDouble()).isEqualTo(1500.0); // to the span
        assertThat(reasons.get(1).get("reason").asString()).isEqualTo("low_confidence");
        assertThat(reasons.get(1).get("p50_time_to_handoff_ms").asDouble()).isEqualTo(1000.0); // the duration
        JsonNode target = body.get("by_target").get(0);
        assertThat(target.get("target").asString()).isEqualTo("human:tier1");
        assertThat(target.get("handoffs").asLong()).isEqualTo(2);
        JsonNode time = body.get("time_to_handoff");
        assertThat(time.get("measured").asLong()).isEqualTo(2);
        assertThat(time.get("from_span").asLong()).isEqualTo(1);
        assertThat(time.get("from_duration").asLong()).isEqualTo(1);
        assertThat(time.get("avg_ms").asDouble()).isEqualTo(1250.0);
        assertThat(time.get("p95_ms").asDouble()).isCloseTo(1475.0, within(1e-9));

        JsonNode handed = body.get("after").get("handed_off");
        assertThat(handed.get("interactions").asLong()).isEqualTo(2);
        assertThat(handed.get("error_rate").asDouble()).isEqualTo(0.5);
        assertThat(handed.get("feedback").get("ratings").asLong()).isEqualTo(1);
        assertThat(handed.get("feedback").get("mean_rating").asDouble()).isEqualTo(2.0);
        assertThat(handed.get("feedback").get("thumbs_up_rate").asDouble()).isEqualTo(0.0);
        assertThat(handed.get("feedback").get("resolved_rate").asDouble()).isEqualTo(1.0);
        JsonNode others = body.get("after").get("not_handed_off");
        assertThat(others.get("interactions").asLong()).isEqualTo(4);
        assertThat(others.get("errors").asLong()).isZero();
        assertThat(others.get("feedback").get("mean_rating").asDouble()).isEqualTo(4.5);
        assertThat(others.get("feedback").get("thumbs_up_rate").asDouble()).isEqualTo(1.0);
        assertThat(others.get("feedback").get("resolved_scores").asLong()).isZero();
        assertThat(others.get("feedback").get("resolved_rate").isNull()).isTrue();
        JsonNode comparison = body.get("after").get("comparison");
        assertThat(comparison.get("rating").get("status").asString()).isEqualTo("insufficient_data");
        assertThat(comparison.get("rating").get("difference").asDouble()).isEqualTo(-2.5); // 2 against 4.5
        assertThat(comparison.get("rating").get("reason").asString())
                .isEqualTo("insufficient data: needs at least 5 values on each side, had 1 and 2");
        // thumbs up 0 of 1 against 1 of 1: with margins 1 and 1 of 2 both possible tables have
        // probability 1/2, so Fisher's two-sided p is 1
        assertThat(comparison.get("thumbs_up").get("method").asString()).isEqualTo("fisher_exact");
        assertThat(comparison.get("thumbs_up").get("p_value").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(comparison.get("resolved").get("status").asString()).isEqualTo("insufficient_data");
        assertThat(comparison.get("resolved").get("reason").asString()).contains("at least 2 categories");
        JsonNode continued = body.get("after").get("conversation_continued");
        assertThat(continued.get("with_conversation").asLong()).isEqualTo(2);
        assertThat(continued.get("continued").asLong()).isEqualTo(1); // t-6 follows t-3 in c-2
        assertThat(body.get("span_only_handoffs").asLong()).isEqualTo(1);

        assertThat(ok("/api/v1/analytics/handoffs?agent_id=other").get("handoffs").asLong()).isZero();
    }

    @Test
    void decisionsPerPointWithConfidenceAlternativesAndOutcomes() {
        JsonNode body = ok("/api/v1/analytics/decisions?examples=1");
        assertThat(body.get("low_confidence_threshold").asDouble()).isEqualTo(0.5);
        JsonNode route = body.get("points").get(0);
        assertThat(route.get("point").asString()).isEqualTo("route");
        assertThat(route.get("decisions").asLong()).isEqualTo(5);
        JsonNode confidence = route.get("confidence");
        assertThat(confidence.get("mean").asDouble()).isCloseTo(0.61, within(1e-12)); // 3.05 / 5
        assertThat(confidence.get("p10").asDouble()).isCloseTo(0.36, within(1e-12)); // 0.3 + 0.4 × 0.15
        assertThat(confidence.get("p50").asDouble()).isCloseTo(0.55, within(1e-12));
        assertThat(confidence.get("p90").asDouble()).isCloseTo(0.88, within(1e-12)); // 0.85 + 0.6 × 0.05
        List<Long> histogram = new ArrayList<>();
        confidence.get("histogram").forEach(n -> histogram.add(n.asLong()));
        assertThat(histogram).containsExactly(0L, 0L, 0L, 1L, 1L, 1L, 0L, 0L, 1L, 1L);
        JsonNode alternatives = route.get("alternatives");
        assertThat(alternatives.get(0).get("alternative").asString()).isEqualTo("answer");
        assertThat(alternatives.get(0).get("chosen").asLong()).isEqualTo(3);
        assertThat(alternatives.get(0).get("offered").asLong()).isEqualTo(5);
        assertThat(alternatives.get(1).get("alternative").asString()).isEqualTo("handoff");
        assertThat(alternatives.get(2).get("alternative").asString()).isEqualTo("clarify");
        assertThat(alternatives.get(2).get("chosen").asLong()).isZero();
        JsonNode low = route.get("low_confidence");
        assertThat(low.get("count").asLong()).isEqualTo(2);
        assertThat(low.get("recent").size()).isEqualTo(1);
        assertThat(low.get("recent").get(0).get("trace_id").asString()).isEqualTo("t-3");
        assertThat(low.get("recent").get(0).get("confidence").asDouble()).isEqualTo(0.45);
        assertThat(low.get("recent").get(0).get("reasoning").asString()).isEqualTo("unclear");
        JsonNode answer = route.get("outcomes").get(0);
        assertThat(answer.get("chosen").asString()).isEqualTo("answer");
        assertThat(answer.get("decisions").asLong()).isEqualTo(3);
        assertThat(answer.get("error_rate").asDouble()).isZero();
        assertThat(answer.get("feedback").get("mean_rating").asDouble()).isEqualTo(4.5);
        JsonNode handoff = route.get("outcomes").get(1);
        assertThat(handoff.get("errors").asLong()).isEqualTo(1);
        assertThat(handoff.get("handoff_rate").asDouble()).isEqualTo(1.0);
        // 5 decisions, 1 error: the smallest expected count is 2 × 1 / 5 = 0.4, so Fisher's exact test.
        // Margins: answer 3, handoff 2; 1 error. P(answer has 0 errors) = C(4,3) / C(5,3) = 0.4, P(1) = 0.6:
        // the two-sided p sums the tables no likelier than the observed one, 0.4.
        JsonNode errorTest = route.get("outcome_tests").get("error");
        assertThat(errorTest.get("status").asString()).isEqualTo("tested");
        assertThat(errorTest.get("method").asString()).isEqualTo("fisher_exact");
        assertThat(errorTest.get("samples").asLong()).isEqualTo(5);
        assertThat(errorTest.get("min_expected").asDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(errorTest.get("p_value").asDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(errorTest.get("significant").asBoolean()).isFalse();
        // 2 hand-offs: P(answer has 0, 1, 2 of them) = 1, 6, 3 over C(5,3) = 10; observed 0, so p = 0.1
        JsonNode handoffTest = route.get("outcome_tests").get("handoff");
        assertThat(handoffTest.get("p_value").asDouble()).isCloseTo(0.1, within(1e-12));
        JsonNode tone = body.get("points").get(1);
        assertThat(tone.get("point").asString()).isEqualTo("tone");
        assertThat(tone.get("confidence").get("histogram").get(9).asLong()).isEqualTo(1); // 1.0 in the last bin
        assertThat(tone.get("outcome_tests").get("handoff").get("reason").asString()).contains("at least 2 categories");

        JsonNode strict = ok("/api/v1/analytics/decisions?threshold=0.3");
        assertThat(strict.get("points").get(0).get("low_confidence").get("count").asLong()).isZero();
    }

    /** 40 decisions in a workspace of their own: "a" fails 4 of 20 traces, "b" 14 of 20. */
    @Test
    void aChoiceThatGoesWithErrorsIsTested() {
        String key = newWorkspaceKey("beh-chi");
        StringBuilder batch = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < 40; i++) {
            String chosen = i < 20 ? "a" : "b";
            boolean failed = i < 20 ? i < 4 : i < 34;
            batch.append(i == 0 ? "" : ",").append("""
                    {"type": "trace", "body": {"id": "c%d", "status": "%s", "started_at": "2026-11-02T10:%02d:00Z"}},
                    {"type": "span", "body": {"id": "c%d-d", "trace_id": "c%d", "kind": "decision", "name": "plan",
                      "confidence": 0.7, "decision": {"point": "plan", "chosen": "%s", "alternatives": ["a", "b"]}}}
                    """.formatted(i, failed ? "error" : "ok", i, i, i, chosen));
        }
        Response r = server.post("/api/v1/ingest", key, batch.append("]}").toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode test = server.get("/api/v1/analytics/decisions", key).json().get("points").get(0)
                .get("outcome_tests").get("error");
        // table (4, 16 | 14, 6), expected 9 and 11 in both rows: 2 × (25/9 + 25/11) = 1000/99;
        // one degree of freedom, p = erfc(sqrt(1000/198)) = 0.0014818807747203875
        assertThat(test.get("status").asString()).isEqualTo("tested");
        assertThat(test.get("method").asString()).isEqualTo("chi_square");
        assertThat(test.get("samples").asLong()).isEqualTo(40);
        assertThat(test.get("chi_square").asDouble()).isCloseTo(1000 / 99.0, within(1e-9));
        assertThat(test.get("degrees_of_freedom").asInt()).isEqualTo(1);
        assertThat(test.get("p_value").asDouble()).isCloseTo(0.0014818807747203875, within(1e-9));
        assertThat(test.get("min_expected").asDouble()).isCloseTo(9.0, within(1e-12));
        assertThat(test.get("significant").asBoolean()).isTrue();
    }

    /** Twelve traces in a workspace of their own: six handed off rated 1, 2, 2, 3, 3, 4; six others 3, 4, 4, 5, 5, 5. */
    @Test
    void handedOffRatingsAreComparedWithWelchsTest() {
        String key = newWorkspaceKey("beh-welch");
        int[] ratings = {1, 2, 2, 3, 3, 4, 3, 4, 4, 5, 5, 5};
        StringBuilder batch = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < ratings.length; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"type": "trace", "body": {"id": "w%d", "started_at": "2026-11-03T10:%02d:00Z",
                      "handoff": {"triggered": %s, "reason": "policy"}}},
                    {"type": "score", "body": {"id": "w%d-r", "trace_id": "w%d", "name": "user_rating", "value": %d}}
                    """.formatted(i, i, i < 6, i, i, ratings[i]));
        }
        Response r = server.post("/api/v1/ingest", key, batch.append("]}").toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode after = server.get("/api/v1/analytics/handoffs", key).json().get("after");
        assertThat(after.get("handed_off").get("feedback").get("mean_rating").asDouble()).isEqualTo(2.5);
        // sample variance 5.5 / 5 = 1.1
        assertThat(after.get("handed_off").get("feedback").get("rating_std_dev").asDouble())
                .isCloseTo(Math.sqrt(1.1), within(1e-12));
        JsonNode rating = after.get("comparison").get("rating");
        // means 2.5 and 26/6, variances 1.1 and 2/3: t = (2.5 - 26/6) / sqrt(1.1/6 + (2/3)/6) = -3.3786...;
        // scipy.stats.ttest_ind(equal_var=False) on the same values: p = 0.0076186497225677295, df 9.4325
        assertThat(rating.get("status").asString()).isEqualTo("tested");
        assertThat(rating.get("handed_off_ratings").asLong()).isEqualTo(6);
        assertThat(rating.get("other_ratings").asLong()).isEqualTo(6);
        assertThat(rating.get("difference").asDouble()).isCloseTo(2.5 - 26 / 6.0, within(1e-12));
        assertThat(rating.get("t").asDouble()).isCloseTo((2.5 - 26 / 6.0) / Math.sqrt(1.1 / 6 + (2 / 3.0) / 6),
                within(1e-9));
        assertThat(rating.get("degrees_of_freedom").asDouble()).isCloseTo(9.43250503693754, within(1e-9));
        assertThat(rating.get("p_value").asDouble()).isCloseTo(0.0076186497225677295, within(1e-9));
        assertThat(rating.get("significant").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({
            "/api/v1/analytics/intents?interval=fortnight, interval",
            "/api/v1/analytics/intents?interval=hour&from=2000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z, interval",
            "/api/v1/analytics/intents?interval=, interval",
            "/api/v1/analytics/intents?interval=day&interval=hour, interval",
            "/api/v1/analytics/intents?limit=5, limit",
            "/api/v1/analytics/intents?from=yesterday, from",
            "/api/v1/analytics/handoffs?handoff=maybe, handoff",
            "/api/v1/analytics/handoffs?agentId=bot, agentId",
            "/api/v1/analytics/handoffs?min_confidence=2, min_confidence",
            "/api/v1/analytics/decisions?threshold=2, threshold",
            "/api/v1/analytics/decisions?threshold=abc, threshold",
            "/api/v1/analytics/decisions?threshold=NaN, threshold",
            "/api/v1/analytics/decisions?examples=-1, examples",
            "/api/v1/analytics/decisions?examples=101, examples",
            "/api/v1/analytics/decisions?examples=1.5, examples",
            "/api/v1/analytics/decisions?threshold=0.1&threshold=0.2, threshold",
            "/api/v1/analytics/decisions?interval=day, interval"})
    void badParametersAre400NamingTheParameter(String path, String parameter) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("parameter")).as(r.toString()).contains(parameter);
    }

    @Test
    void hostileValuesAreDataNotSql() {
        String hostile = URLEncoder.encode("bot' OR '1'='1", StandardCharsets.UTF_8);
        for (String path : List.of("intents", "handoffs", "decisions")) {
            JsonNode body = ok("/api/v1/analytics/" + path + "?agent_id=" + hostile);
            assertThat(body.has("data_as_of")).isTrue();
            if (!path.equals("decisions")) {
                assertThat(body.get("interactions").asLong()).as(path).isZero();
            } else {
                assertThat(body.get("points").size()).isZero();
            }
        }
        Response tooLong = server.get("/api/v1/analytics/decisions?threshold=" + "9".repeat(5000), ADMIN_KEY);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("5000 characters").doesNotContain("99999999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/analytics/intents", "/api/v1/analytics/handoffs", "/api/v1/analytics/decisions"})
    void aKeyWithoutAnalyticsViewIs403AndNoKeyIs401(String path) {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"ingest-only-" + path.hashCode() + "\", \"scopes\": [\"ingest:write\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response r = server.get(path, created.json().get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.body()).contains("analytics:view");
        assertThat(server.send(server.request(path).GET().build()).status()).isEqualTo(401);
        assertThat(server.get(path, "sk-not-a-key-of-anyone-0000").status()).isEqualTo(401);
    }

    @Test
    void anotherWorkspaceSeesNothingOfThis() {
        String other = newWorkspaceKey("beh-other");
        JsonNode intents = server.get("/api/v1/analytics/intents", other).json();
        assertThat(intents.get("interactions").asLong()).isZero();
        assertThat(intents.get("intents").size()).isZero();
        JsonNode handoffs = server.get("/api/v1/analytics/handoffs", other).json();
        assertThat(handoffs.get("interactions").asLong()).isZero();
        assertThat(handoffs.get("handoff_rate").isNull()).isTrue();
        assertThat(handoffs.get("by_reason").size()).isZero();
        assertThat(handoffs.get("after").get("not_handed_off").get("feedback").get("ratings").asLong()).isZero();
        assertThat(server.get("/api/v1/analytics/decisions", other).json().get("points").size()).isZero();
    }

    private static String newWorkspaceKey(String slug) {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY,
                "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
