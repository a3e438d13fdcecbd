package dev.sextant.otlp;

import static dev.sextant.otlp.Otlp.ROOT;
import static dev.sextant.otlp.Otlp.TRACE;
import static dev.sextant.otlp.Otlp.attr;
import static dev.sextant.otlp.Otlp.request;
import static dev.sextant.otlp.Otlp.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.CostSource;
import dev.sextant.model.Decision;
import dev.sextant.model.Handoff;
import dev.sextant.model.Intent;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GenAI (new and old names), OpenInference and sextant.* attributes onto Sextant's spans and traces. */
class OtlpSpanMapperTest {

    private static Span only(io.opentelemetry.proto.trace.v1.Span.Builder span) {
        MappedSpans mapped = OtlpSpanMapper.map(request(span));
        assertThat(mapped.errorMessage()).isEmpty();
        return mapped.spans().getFirst();
    }

    @Test
    void genAiNewNamesGiveKindModelProviderAndUsageWithItsSubsets() {
        Span s = only(span("00f067aa0ba902b7", ROOT, "chat gpt-4o").addAllAttributes(List.of(
                attr("gen_ai.operation.name", "chat"), attr("gen_ai.provider.name", "openai"),
                attr("gen_ai.request.model", "gpt-4o"), attr("gen_ai.response.model", "gpt-4o-2024-08-06"),
                attr("gen_ai.usage.input_tokens", 1000L), attr("gen_ai.usage.output_tokens", 500L),
                attr("gen_ai.usage.cache_read.input_tokens", 200L),
                attr("gen_ai.usage.cache_creation.input_tokens", 100L),
                attr("gen_ai.usage.reasoning.output_tokens", 50L),
                attr("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[]}]"),
                attr("gen_ai.request.temperature", 0.2))));
        assertThat(s.id()).isEqualTo("00f067aa0ba902b7");
        assertThat(s.traceId()).isEqualTo(TRACE);
        assertThat(s.parentId()).isEqualTo(ROOT);
        assertThat(s.kind()).isEqualTo(SpanKind.LLM);
        assertThat(s.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(s.provider()).isEqualTo("openai");
        assertThat(s.usage()).isEqualTo(new Usage(1000, 500, 200, 100, 50, false));
        assertThat(s.usage().plainInput()).isEqualTo(700);
        assertThat(s.usage().plainOutput()).isEqualTo(450);
        assertThat(s.costUsd()).isNull();
        assertThat(s.input()).isEqualTo("[{\"role\":\"user\",\"parts\":[]}]");
        assertThat(s.startedAt()).isEqualTo(Instant.ofEpochSecond(1_793_000_000L));
        assertThat(s.durationMs()).isEqualTo(1500);
        assertThat(s.attributes()).contains("\"gen_ai.request.temperature\":0.2").contains("\"otel.scope.name\":\"test-scope\"")
                .doesNotContain("gen_ai.usage");
    }

    @Test
    void genAiOldNamesAndIntegersSentAsTextOrDoubles() {
        Span s = only(span("00f067aa0ba902b7", ROOT, "completion").addAllAttributes(List.of(
                attr("gen_ai.operation.name", "text_completion"), attr("gen_ai.system", "anthropic"),
                attr("gen_ai.request.model", "claude-3-5-sonnet"), attr("gen_ai.usage.prompt_tokens", "120"),
                attr("gen_ai.usage.completion_tokens", 30.0))));
        assertThat(s.kind()).isEqualTo(SpanKind.LLM);
        assertThat(s.provider()).isEqualTo("anthropic");
        assertThat(s.model()).isEqualTo("claude-3-5-sonnet");
        assertThat(s.usage()).isEqualTo(Usage.of(120, 30));
    }

    @Test
    void cacheCountsReportedBesideTheInputAreAddedSoEachTokenIsPricedOnce() {
        // Anthropic-style: input 100 excludes the 900 cache-read tokens; Gemini-style: 40 thoughts beside 10 output.
        Span s = only(span("00f067aa0ba902b7", ROOT, "chat").addAllAttributes(List.of(
                attr("gen_ai.operation.name", "chat"), attr("gen_ai.usage.input_tokens", 100L),
                attr("gen_ai.usage.cache_read.input_tokens", 900L), attr("gen_ai.usage.output_tokens", 10L),
                attr("gen_ai.usage.reasoning.output_tokens", 40L))));
        assertThat(s.usage()).isEqualTo(new Usage(1000, 50, 900, 0, 40, false));
        assertThat(s.usage().plainInput()).isEqualTo(100);
        assertThat(s.usage().plainOutput()).isEqualTo(10);
    }

    @Test
    void openInferenceLlmSpanWithReportedCost() {
        Span s = only(span("00f067aa0ba902b7", ROOT, "ChatOpenAI").addAllAttributes(List.of(
                attr("openinference.span.kind", "LLM"), attr("llm.model_name", "gpt-4o-mini"),
                attr("llm.provider", "openai"), attr("llm.token_count.prompt", 300L),
                attr("llm.token_count.completion", 20L), attr("llm.token_count.prompt_details.cache_read", 100L),
                attr("llm.token_count.completion_details.reasoning", 5L), attr("llm.cost.total", 0.0042),
                attr("input.value", "hello"), attr("output.value", "hi"))));
        assertThat(s.kind()).isEqualTo(SpanKind.LLM);
        assertThat(s.model()).isEqualTo("gpt-4o-mini");
        assertThat(s.provider()).isEqualTo("openai");
        assertThat(s.usage()).isEqualTo(new Usage(300, 20, 100, 0, 5, false));
        assertThat(s.costUsd()).isEqualByComparingTo(new BigDecimal("0.0042"));
        assertThat(s.costSource()).isEqualTo(CostSource.REPORTED);
        assertThat(s.input()).isEqualTo("hello");
        assertThat(s.output()).isEqualTo("hi");
    }

    @Test
    void flattenedMessagesOfOpenLlmetryAndOpenInferenceBecomeInputAndOutput() {
        Span openLlmetry = only(span("00f067aa0ba902b7", ROOT, "chat").addAllAttributes(List.of(
                attr("gen_ai.prompt.1.role", "user"), attr("gen_ai.prompt.1.content", "Where is my order?"),
                attr("gen_ai.prompt.0.role", "system"), attr("gen_ai.prompt.0.content", "Be brief."),
                attr("gen_ai.completion.0.role", "assistant"), attr("gen_ai.completion.0.content", "Tomorrow."))));
        assertThat(openLlmetry.input()).isEqualTo("[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"Where is my order?\"}]");
        assertThat(openLlmetry.output()).isEqualTo("[{\"role\":\"assistant\",\"content\":\"Tomorrow.\"}]");
        assertThat(openLlmetry.attributes()).doesNotContain("gen_ai.prompt");
        Span openInference = only(span("00f067aa0ba902b7", ROOT, "llm").addAllAttributes(List.of(
                attr("llm.input_messages.0.message.role", "user"), attr("llm.input_messages.0.message.content", "hi"),
                attr("llm.output_messages.0.message.role", "assistant"),
                attr("llm.output_messages.0.message.content", "hello"))));
        assertThat(openInference.input()).isEqualTo("[{\"role\":\"user\",\"content\":\"hi\"}]");
        assertThat(openInference.output()).isEqualTo("[{\"role\":\"assistant\",\"content\":\"hello\"}]");
        Span both = only(span("00f067aa0ba902b7", ROOT, "llm").addAllAttributes(List.of(
                attr("input.value", "hi"), attr("llm.input_messages.0.message.content", "hi"))));
        assertThat(both.input()).isEqualTo("hi");
        assertThat(both.attributes()).contains("llm.input_messages.0.message.content");
    }

    @Test
    void genAiMessageEventsOfOlderProducersBecomeInputAndOutput() {
        io.opentelemetry.proto.trace.v1.Span.Builder b = span("00f067aa0ba902b7", ROOT, "chat")
                .addAttributes(attr("gen_ai.operation.name", "chat"));
        b.addEventsBuilder().setName("gen_ai.user.message").addAttributes(attr("content", "Where is my order?"));
        b.addEventsBuilder().setName("gen_ai.choice").addAttributes(attr("index", 0L))
                .addAttributes(attr("finish_reason", "stop"));
        Span s = only(b);
        assertThat(s.input()).isEqualTo("[{\"role\":\"user\",\"content\":\"Where is my order?\"}]");
        assertThat(s.output()).isEqualTo("[{\"index\":0,\"finish_reason\":\"stop\"}]");
        assertThat(s.attributes()).contains("\"otel.events\":[{\"name\":\"gen_ai.user.message\"");
    }

    @Test
    void kindsFromBothConventions() {
        assertThat(kind(attr("gen_ai.operation.name", "execute_tool"))).isEqualTo(SpanKind.TOOL);
        assertThat(kind(attr("gen_ai.operation.name", "invoke_agent"))).isEqualTo(SpanKind.AGENT);
        assertThat(kind(attr("gen_ai.operation.name", "create_agent"))).isEqualTo(SpanKind.AGENT);
        assertThat(kind(attr("gen_ai.operation.name", "generate_content"))).isEqualTo(SpanKind.LLM);
        assertThat(kind(attr("gen_ai.operation.name", "retrieval"))).isEqualTo(SpanKind.RETRIEVAL);
        assertThat(kind(attr("openinference.span.kind", "TOOL"))).isEqualTo(SpanKind.TOOL);
        assertThat(kind(attr("openinference.span.kind", "AGENT"))).isEqualTo(SpanKind.AGENT);
        assertThat(kind(attr("openinference.span.kind", "CHAIN"))).isEqualTo(SpanKind.AGENT);
        assertThat(kind(attr("openinference.span.kind", "RETRIEVER"))).isEqualTo(SpanKind.RETRIEVAL);
        assertThat(kind(attr("openinference.span.kind", "GUARDRAIL"))).isEqualTo(SpanKind.CUSTOM);
        assertThat(kind(attr("http.method", "GET"))).isEqualTo(SpanKind.CUSTOM);
        assertThat(kind(attr("sextant.span.kind", "code_generation"))).isEqualTo(SpanKind.CODE_GENERATION);
        assertThat(only(span("00f067aa0ba902b7", ROOT, "tick").setEndTimeUnixNano(Otlp.T0)).kind())
                .isEqualTo(SpanKind.EVENT);
    }

    private static SpanKind kind(io.opentelemetry.proto.common.v1.KeyValue attribute) {
        return only(span("00f067aa0ba902b7", ROOT, "s").addAttributes(attribute)).kind();
    }

    @Test
    void toolSpansFromBothConventionsAndErrors() {
        Span genAi = only(Otlp.error(span("00f067aa0ba902b7", ROOT, "execute_tool search"), "")
                .addAllAttributes(List.of(attr("gen_ai.operation.name", "execute_tool"),
                        attr("gen_ai.tool.name", "search"), attr("error.type", "timeout"),
                        attr("gen_ai.tool.call.arguments", "{\"q\":\"x\"}"))));
        assertThat(genAi.toolName()).isEqualTo("search");
        assertThat(genAi.status()).isEqualTo(Status.ERROR);
        assertThat(genAi.error()).isEqualTo("timeout");
        assertThat(genAi.input()).isEqualTo("{\"q\":\"x\"}");
        Span openInference = only(span("00f067aa0ba902b7", ROOT, "tool").addAllAttributes(List.of(
                attr("openinference.span.kind", "TOOL"), attr("tool.name", "calculator"))));
        assertThat(openInference.toolName()).isEqualTo("calculator");
        assertThat(openInference.status()).isEqualTo(Status.UNSET);
    }

    @Test
    void theRootSpanBecomesTheTraceWithAgentConversationUserAndSextantAttributes() {
        MappedSpans mapped = OtlpSpanMapper.map(request(List.of(attr("service.name", "svc")),
                span(ROOT, null, "invoke_agent").addAllAttributes(List.of(
                        attr("gen_ai.operation.name", "invoke_agent"), attr("gen_ai.agent.name", "support-bot"),
                        attr("gen_ai.conversation.id", "c-9"), attr("user.id", "u-4"),
                        attr("input.value", "Where is my order?"), attr("sextant.message_type", "text"),
                        attr("sextant.intents", "[{\"name\":\"order_status\",\"confidence\":0.92}]"),
                        attr("sextant.confidence", 0.92), attr("sextant.handoff.triggered", false))),
                span("00f067aa0ba902b7", ROOT, "route").addAllAttributes(List.of(
                        attr("sextant.decision.point", "route"), attr("sextant.decision.chosen", "answer"),
                        attr("sextant.decision.alternatives", List.of("answer", "handoff")),
                        attr("sextant.decision.reasoning", "known intent"))),
                span("00f067aa0ba902b8", ROOT, "escalate").addAllAttributes(List.of(
                        attr("sextant.handoff.triggered", true), attr("sextant.handoff.reason", "angry"),
                        attr("sextant.handoff.target", "human")))));
        assertThat(mapped.rejectedSpans()).isZero();
        assertThat(mapped.traces()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(TRACE);
            assertThat(t.name()).isEqualTo("invoke_agent");
            assertThat(t.agentId()).isEqualTo("support-bot");
            assertThat(t.conversationId()).isEqualTo("c-9");
            assertThat(t.userId()).isEqualTo("u-4");
            assertThat(t.input()).isEqualTo("Where is my order?");
            assertThat(t.messageType()).isEqualTo("text");
            assertThat(t.intents()).containsExactly(new Intent("order_status", 0.92));
            assertThat(t.confidence()).isEqualTo(0.92);
            assertThat(t.handoff()).isEqualTo(new Handoff(false, null, null));
            assertThat(t.startedAt()).isNotNull();
        });
        assertThat(mapped.spans()).extracting(Span::kind)
                .containsExactly(SpanKind.AGENT, SpanKind.DECISION, SpanKind.HANDOFF);
        assertThat(mapped.spans().get(1).decision())
                .isEqualTo(new Decision("route", "answer", List.of("answer", "handoff"), "known intent"));
        assertThat(mapped.spans().get(2).handoff()).isEqualTo(new Handoff(true, "angry", "human"));
    }

    @Test
    void serviceNameIsTheAgentWhenNoAgentAttributeIsSentAndOpenInferenceSessionIsTheConversation() {
        Trace t = OtlpSpanMapper.map(request(List.of(attr("service.name", "svc")),
                span(ROOT, null, "run").addAllAttributes(List.of(attr("session.id", "s-1"))))).traces().getFirst();
        assertThat(t.agentId()).isEqualTo("svc");
        assertThat(t.conversationId()).isEqualTo("s-1");
    }

    @Test
    void badSpansAreRefusedOneByOneAndTheGoodOnesKept() {
        MappedSpans mapped = OtlpSpanMapper.map(request(
                span(ROOT, null, "root"),
                span("00f067aa0ba902b7", ROOT, "short trace id").setTraceId(Otlp.bytes("0af76519")),
                span("00f067aa", ROOT, "short span id"),
                span("0000000000000000", ROOT, "zero span id"),
                span("00f067aa0ba902b9", "abcd", "short parent id"),
                span("00f067aa0ba902ba", ROOT, "skewed").setEndTimeUnixNano(Otlp.T0 - 1_000_000_000L),
                span("00f067aa0ba902bb", ROOT, "nul").addAttributes(attr("input.value", "a\0b")),
                span("00f067aa0ba902bc", ROOT, "huge").addAttributes(attr("blob", "x".repeat(10 * 1024 * 1024))),
                span("00f067aa0ba902bd", ROOT, "bad confidence").addAttributes(attr("sextant.confidence", 1.5)),
                span("00f067aa0ba902be", ROOT, "negative tokens").addAttributes(attr("gen_ai.usage.input_tokens", -5L)),
                span("00f067aa0ba902bf", ROOT, "orphan child of an unseen parent")
                        .setParentSpanId(Otlp.bytes("1111111111111111"))));
        assertThat(mapped.spans()).extracting(Span::name)
                .containsExactly("root", "orphan child of an unseen parent");
        assertThat(mapped.rejectedSpans()).isEqualTo(9);
        assertThat(mapped.errorMessage())
                .startsWith("9 span(s) rejected, the others were stored: span \"short trace id\" (span_id 00f067aa0ba902b7,"
                        + " trace_id 0af76519): trace_id must be 16 bytes (32 hex characters), was 4 bytes")
                .contains("span_id must be 8 bytes (16 hex characters), was 4 bytes")
                .contains("span_id must not be all zeros")
                .contains("parent_span_id must be 8 bytes")
                .contains("is before start_time_unix_nano")
                .endsWith(" | ...");
        MappedSpans rest = OtlpSpanMapper.map(request(
                span("00f067aa0ba902bb", ROOT, "nul").addAttributes(attr("input.value", "a\0b")),
                span("00f067aa0ba902bc", ROOT, "huge").addAttributes(attr("blob", "x".repeat(10 * 1024 * 1024))),
                span("00f067aa0ba902bd", ROOT, "bad confidence").addAttributes(attr("sextant.confidence", 1.5)),
                span("00f067aa0ba902be", ROOT, "negative tokens").addAttributes(attr("gen_ai.usage.input_tokens", -5L))));
        assertThat(rest.errorMessage())
                .contains("input contains a NUL character")
                .contains("attributes are 10485802 characters long as JSON, over the limit of 262144 (the largest: blob, 10485760 characters)")
                .contains("sextant.confidence must be a number from 0 to 1, was 1.5")
                .contains("gen_ai.usage.input_tokens must be a non-negative whole number, was -5");
    }

    @Test
    void unknownStatusCodesAndSpanKindsAreTolerated() {
        io.opentelemetry.proto.trace.v1.Span.Builder b = span("00f067aa0ba902b7", ROOT, "odd").setKindValue(42);
        b.getStatusBuilder().setCodeValue(7);
        Span s = only(b);
        assertThat(s.status()).isEqualTo(Status.UNSET);
        assertThat(s.attributes()).contains("\"otel.span_kind\":42");
    }
}
