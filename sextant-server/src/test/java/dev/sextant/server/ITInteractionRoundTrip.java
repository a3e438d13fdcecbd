package dev.sextant.server;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Batches;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The DESIGN.md §4 batch in through the API and back out through list, detail and stats. */
class ITInteractionRoundTrip {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    private static final BigDecimal FLASH_COST = new BigDecimal("0.000225"); // 1000 × 0.075/1M + 500 × 0.30/1M

    @Test
    void theDesignExampleRoundTripsWithItsCost() {
        Response ingest = server.post("/api/v1/ingest", ADMIN_KEY, Batches.DESIGN_EXAMPLE);
        assertThat(ingest.status()).as(ingest.toString()).isEqualTo(200);
        assertThat(ingest.json().get("accepted").asInt()).isEqualTo(4);
        assertThat(ingest.json().get("rejected").size()).isZero();

        JsonNode list = server.get("/api/v1/interactions?agent_id=support-bot", ADMIN_KEY).json();
        assertThat(list.get("items").size()).isEqualTo(1);
        JsonNode item = list.get("items").get(0);
        assertThat(item.get("id").asString()).isEqualTo("t-1");
        assertThat(item.get("conversation_id").asString()).isEqualTo("c-9");
        assertThat(item.get("duration_ms").asLong()).isEqualTo(1200);
        assertThat(item.get("intents").get(0).get("name").asString()).isEqualTo("order_status");
        assertThat(item.get("handoff").get("triggered").asBoolean()).isFalse();
        assertThat(item.get("metadata").get("campaign_id").asString()).isEqualTo("spring");
        assertThat(item.get("tokens").get("input").asLong()).isEqualTo(1000);
        assertThat(item.get("tokens").get("output").asLong()).isEqualTo(500);
        assertThat(item.get("cost_usd").decimalValue()).isEqualByComparingTo(FLASH_COST);
        assertThat(list.get("page").asInt()).isEqualTo(1);
        assertThat(list.get("page_size").asInt()).isEqualTo(50);
        assertThat(list.get("next_cursor").isNull()).isTrue();

        Response detail = server.get("/api/v1/interactions/t-1", ADMIN_KEY);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        JsonNode trace = detail.json();
        assertThat(trace.get("id").asString()).isEqualTo("t-1");
        assertThat(trace.get("input").asString()).isEqualTo("Where is my order?");
        assertThat(trace.get("cost_usd").decimalValue()).isEqualByComparingTo(FLASH_COST);
        JsonNode spans = trace.get("spans");
        assertThat(spans.size()).isEqualTo(2);
        JsonNode llm = find(spans, "s-1");
        assertThat(llm.get("kind").asString()).isEqualTo("llm");
        assertThat(llm.get("depth").asInt()).isZero();
        assertThat(llm.get("usage").get("input_tokens").asLong()).isEqualTo(1000);
        assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo(FLASH_COST);
        assertThat(llm.get("cost_source").asString()).isEqualTo("calculated");
        JsonNode decision = find(spans, "s-2").get("decision");
        assertThat(decision.get("chosen").asString()).isEqualTo("answer");
        assertThat(decision.get("alternatives").toString()).isEqualTo("[\"answer\",\"handoff\"]");
        assertThat(decision.get("reasoning").asString()).isEqualTo("known intent");
        assertThat(trace.get("scores").get(0).get("name").asString()).isEqualTo("user_rating");
        assertThat(trace.get("scores").get(0).get("value").asDouble()).isEqualTo(5.0);

        JsonNode stats = server.get("/api/v1/interactions/stats?agent_id=support-bot", ADMIN_KEY).json();
        assertThat(stats.get("interactions").asLong()).isEqualTo(1);
        assertThat(stats.get("total_cost_usd").decimalValue()).isEqualByComparingTo(FLASH_COST);
        assertThat(stats.get("handoff_rate").asDouble()).isZero();
        assertThat(stats.get("error_rate").asDouble()).isZero();
        assertThat(stats.get("tokens").get("total").asLong()).isEqualTo(1500);
        assertThat(stats.get("by_model").get(0).get("model").asString()).isEqualTo("gemini-1.5-flash");

        // Sending the same batch again updates; it never duplicates.
        assertThat(server.post("/api/v1/ingest", ADMIN_KEY, Batches.DESIGN_EXAMPLE).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/interactions?agent_id=support-bot", ADMIN_KEY).json().get("items").size()).isEqualTo(1);
        JsonNode again = server.get("/api/v1/interactions/t-1", ADMIN_KEY).json();
        assertThat(again.get("spans").size()).isEqualTo(2);
        assertThat(again.get("scores").size()).isEqualTo(1);
        assertThat(again.get("cost_usd").decimalValue()).isEqualByComparingTo(FLASH_COST);
    }

    @Test
    void aSpanSentAtItsStartAndAgainAtItsEndIsOneSpan() {
        server.post("/api/v1/ingest", ADMIN_KEY, """
                {"batch": [{"type": "span", "body": {"id": "rt-s", "trace_id": "rt-t", "kind": "tool", "name": "lookup",
                  "started_at": "2026-11-02T10:00:00Z"}}]}""");
        server.post("/api/v1/ingest", ADMIN_KEY, """
                {"batch": [{"type": "span", "body": {"id": "rt-s", "trace_id": "rt-t", "ended_at": "2026-11-02T10:00:02Z",
                  "status": "ok"}}]}""");
        JsonNode spans = server.get("/api/v1/interactions/rt-t", ADMIN_KEY).json().get("spans");
        assertThat(spans.size()).isEqualTo(1);
        assertThat(spans.get(0).get("name").asString()).isEqualTo("lookup");
        assertThat(spans.get(0).get("duration_ms").asLong()).isEqualTo(2000);
        assertThat(spans.get(0).get("status").asString()).isEqualTo("ok");
    }

    @Test
    void someRejectedItemsAnswer207WithWhereAndWhy() {
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, """
                {"batch": [
                  {"type": "trace", "body": {"id": "rt-ok", "agent_id": "partial", "started_at": "2026-11-03T10:00:00Z"}},
                  {"type": "span", "body": {"id": "rt-bad", "trace_id": "rt-ok", "kind": "thought"}}
                ]}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(207);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(1);
        JsonNode rejected = r.json().get("rejected").get(0);
        assertThat(rejected.get("index").asInt()).isEqualTo(1);
        assertThat(rejected.get("id").asString()).isEqualTo("rt-bad");
        assertThat(rejected.get("error").asString()).contains("thought");
    }

    @Test
    void aDeepTraceOf10000SpansAnswersInOneRequestAsAFlatList() {
        StringBuilder body = new StringBuilder("{\"batch\": [{\"type\": \"trace\", \"body\": {\"id\": \"deep\", \"agent_id\": \"deep-agent\", \"started_at\": \"2026-11-04T10:00:00Z\"}}");
        for (int i = 0; i < 10_000; i++) {
            body.append(",{\"type\": \"span\", \"body\": {\"id\": \"d-").append(i).append("\", \"trace_id\": \"deep\", \"kind\": \"custom\", \"name\": \"step\"")
                    .append(i == 0 ? "" : ", \"parent_id\": \"d-" + (i - 1) + "\"")
                    .append(", \"started_at\": \"2026-11-04T10:00:00Z\"}}");
        }
        body.append("]}");
        Response ingest = server.post("/api/v1/ingest", ADMIN_KEY, body.toString());
        assertThat(ingest.status()).as(ingest.toString()).isEqualTo(200);

        Response detail = server.get("/api/v1/interactions/deep", ADMIN_KEY);
        assertThat(detail.status()).isEqualTo(200);
        JsonNode spans = detail.json().get("spans");
        assertThat(spans.size()).isEqualTo(10_000);
        assertThat(find(spans, "d-9999").get("depth").asInt()).isEqualTo(9999);
        assertThat(find(spans, "d-9999").get("parent_id").asString()).isEqualTo("d-9998");
    }

    private static JsonNode find(JsonNode spans, String id) {
        for (JsonNode span : spans) {
            if (span.get("id").asString().equals(id)) {
                return span;
            }
        }
        throw new AssertionError("no span " + id + " in " + spans);
    }
}
