package dev.sextant.server.otlp;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * An agent instrumented with the real OpenTelemetry Java SDK exports to {@code /v1/traces} in
 * protobuf (plain and gzip) and JSON; the trace is read back through the interactions API with
 * its agent, LLM (model, tokens, cost), tool and decision spans.
 */
class ITOtlpTraces {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    // gpt-4o: 800 plain input × 2.50/1M + 200 cached × 1.25/1M + 500 output × 10.00/1M
    private static final BigDecimal GPT_4O_COST = new BigDecimal("0.00725");

    @Test
    void protobufExportFromTheSdkIsReadBackWithModelTokensCostToolAndAgent() {
        try (OtelClient client = OtelClient.protobuf(server.uri("/v1/traces").toString(), ADMIN_KEY, false)) {
            String traceId = agentTurn(client.tracer(), "pb");
            client.flushAndExpectSuccess();
            expectAgentTurn(server, traceId, "pb");
        }
    }

    @Test
    void gzipProtobufExportIsReadBack() {
        try (OtelClient client = OtelClient.protobuf(server.uri("/v1/traces").toString(), ADMIN_KEY, true)) {
            String traceId = agentTurn(client.tracer(), "gz");
            client.flushAndExpectSuccess();
            expectAgentTurn(server, traceId, "gz");
        }
    }

    @Test
    void jsonExportFromTheSdkIsReadBack() {
        try (OtelClient client = OtelClient.json(server.uri("/v1/traces").toString(), ADMIN_KEY)) {
            String traceId = agentTurn(client.tracer(), "json");
            client.flushAndExpectSuccess();
            expectAgentTurn(server, traceId, "json");
        }
    }

    @Test
    void theReadmeExampleIsStoredWithItsCost() throws java.io.IOException {
        Response answer = server.send(SextantTestServer.authorized(server.request("/v1/traces"), ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(java.nio.file.Path.of("../examples/otlp-trace.json")))
                .build());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{}");
        JsonNode trace = server.get("/api/v1/interactions/5b8efff798038103d269b633813fc60c", ADMIN_KEY).json();
        assertThat(trace.get("agent_id").asString()).isEqualTo("support-bot");
        assertThat(trace.get("conversation_id").asString()).isEqualTo("c-42");
        assertThat(trace.get("duration_ms").asLong()).isEqualTo(2000);
        assertThat(trace.get("cost_usd").decimalValue()).isEqualByComparingTo("0.0075"); // 1000 × 2.50/1M + 500 × 10.00/1M
        assertThat(trace.get("spans").valueStream().map(s -> s.get("kind").asString()).toList())
                .containsExactly("agent", "llm", "tool");
    }

    @Test
    void aKeyWithoutIngestWriteIs403() {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"otlp-viewer\", \"scopes\": [\"analytics:view\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response answer = server.send(SextantTestServer.authorized(server.request("/v1/traces"),
                created.json().get("secret").asString()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void aWrongKeyIsRefusedAndNothingIsStored() {
        Response answer = server.send(SextantTestServer.authorized(server.request("/v1/traces"), "sk-not-a-key")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(answer.status()).isEqualTo(401);
        Response none = server.send(server.request("/v1/traces").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(none.status()).isEqualTo(401);
    }

    /** An agent span with an LLM call, a tool call and a decision inside; returns the trace id. */
    static String agentTurn(Tracer tracer, String tag) {
        Span agent = tracer.spanBuilder("invoke_agent support-bot").startSpan();
        agent.setAttribute("gen_ai.operation.name", "invoke_agent");
        agent.setAttribute("gen_ai.agent.name", "support-bot-" + tag);
        agent.setAttribute("gen_ai.conversation.id", "conv-" + tag);
        agent.setAttribute("user.id", "user-" + tag);
        agent.setAttribute("input.value", "Where is my order?");
        agent.setAttribute("output.value", "It ships tomorrow.");
        try (Scope ignored = agent.makeCurrent()) {
            Span chat = tracer.spanBuilder("chat gpt-4o").startSpan();
            chat.setAttribute("gen_ai.operation.name", "chat");
            chat.setAttribute("gen_ai.provider.name", "openai");
            chat.setAttribute("gen_ai.request.model", "gpt-4o");
            chat.setAttribute("gen_ai.response.model", "gpt-4o");
            chat.setAttribute("gen_ai.usage.input_tokens", 1000L);
            chat.setAttribute("gen_ai.usage.output_tokens", 500L);
            chat.setAttribute("gen_ai.usage.cache_read.input_tokens", 200L);
            chat.setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"));
            chat.end();
            Span tool = tracer.spanBuilder("execute_tool lookup_order").startSpan();
            tool.setAttribute("gen_ai.operation.name", "execute_tool");
            tool.setAttribute("gen_ai.tool.name", "lookup_order");
            tool.setAttribute("error.type", "timeout");
            tool.setStatus(StatusCode.ERROR, "order service did not answer");
            tool.end();
            Span decision = tracer.spanBuilder("route").startSpan();
            decision.setAttribute("sextant.decision.point", "route");
            decision.setAttribute("sextant.decision.chosen", "answer");
            decision.setAttribute(AttributeKey.stringArrayKey("sextant.decision.alternatives"), List.of("answer", "handoff"));
            decision.setAttribute("sextant.confidence", 0.92);
            decision.end();
        } finally {
            agent.end();
        }
        return agent.getSpanContext().getTraceId();
    }

    static void expectAgentTurn(SextantTestServer server, String traceId, String tag) {
        Response detail = server.get("/api/v1/interactions/" + traceId, ADMIN_KEY);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        JsonNode trace = detail.json();
        assertThat(trace.get("name").asString()).isEqualTo("invoke_agent support-bot");
        assertThat(trace.get("agent_id").asString()).isEqualTo("support-bot-" + tag);
        assertThat(trace.get("conversation_id").asString()).isEqualTo("conv-" + tag);
        assertThat(trace.get("user_id").asString()).isEqualTo("user-" + tag);
        assertThat(trace.get("input").asString()).isEqualTo("Where is my order?");
        assertThat(trace.get("tokens").get("input").asLong()).isEqualTo(1000);
        assertThat(trace.get("tokens").get("cache_read").asLong()).isEqualTo(200);
        assertThat(trace.get("cost_usd").decimalValue()).isEqualByComparingTo(GPT_4O_COST);
        JsonNode spans = trace.get("spans");
        assertThat(spans.size()).isEqualTo(4);
        JsonNode agent = byName(spans, "invoke_agent support-bot");
        assertThat(agent.get("kind").asString()).isEqualTo("agent");
        assertThat(agent.get("parent_id").isNull()).isTrue();
        JsonNode llm = byName(spans, "chat gpt-4o");
        assertThat(llm.get("kind").asString()).isEqualTo("llm");
        assertThat(llm.get("parent_id").asString()).isEqualTo(agent.get("id").asString());
        assertThat(llm.get("id").asString()).hasSize(16);
        assertThat(llm.get("model").asString()).isEqualTo("gpt-4o");
        assertThat(llm.get("provider").asString()).isEqualTo("openai");
        assertThat(llm.get("usage").get("output_tokens").asLong()).isEqualTo(500);
        assertThat(llm.get("cost_source").asString()).isEqualTo("calculated");
        assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo(GPT_4O_COST);
        assertThat(llm.get("attributes").get("gen_ai.response.finish_reasons").get(0).asString()).isEqualTo("stop");
        JsonNode tool = byName(spans, "execute_tool lookup_order");
        assertThat(tool.get("kind").asString()).isEqualTo("tool");
        assertThat(tool.get("tool_name").asString()).isEqualTo("lookup_order");
        assertThat(tool.get("status").asString()).isEqualTo("error");
        assertThat(tool.get("error").asString()).isEqualTo("timeout: order service did not answer");
        JsonNode decision = byName(spans, "route");
        assertThat(decision.get("kind").asString()).isEqualTo("decision");
        assertThat(decision.get("decision").get("alternatives").toString()).isEqualTo("[\"answer\",\"handoff\"]");
        assertThat(decision.get("confidence").asDouble()).isEqualTo(0.92);
    }

    static JsonNode byName(JsonNode spans, String name) {
        for (JsonNode span : spans) {
            if (name.equals(span.get("name").asString())) {
                return span;
            }
        }
        throw new AssertionError("no span named " + name + " in " + spans);
    }
}
