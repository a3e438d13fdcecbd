package dev.sextant.langchain4j;

import dev.sextant.testing.RealServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.sextant.sdk.Scope;
import dev.sextant.sdk.Sextant;
import dev.sextant.sdk.Span;
import dev.sextant.sdk.Trace;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real LangChain4j OpenAI chat model, pointed at a local stand-in of the OpenAI API, with the
 * listener sending to the real Sextant server; everything is read back through
 * {@code GET /api/v1/interactions/{id}}.
 */
@SuppressWarnings("try") // scopes are held only for their close()
class ITChatModelListener {
    private static RealServer server;
    private static OpenAiStandIn openAi;

    @BeforeAll
    static void start() {
        server = RealServer.start();
        openAi = new OpenAiStandIn();
    }

    @AfterAll
    static void stop() {
        openAi.close();
        server.close();
    }

    private static Sextant sextant(String agent) {
        return Sextant.builder().endpoint(server.base().toString()).apiKey(RealServer.KEY).agentId(agent).build();
    }

    private static ChatModel model(Sextant sextant) {
        return OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-stand-in").modelName("gpt-4o-mini")
                .maxRetries(0).listeners(List.of(new SextantChatModelListener(sextant))).build();
    }

    @Test
    void aModelCallBecomesAnLlmSpanUnderTheCurrentSpanWithUsageAndServerCost() {
        openAi.answers("gpt-4o-mini-2024-07-18", "Order 42 ships tomorrow.", 1000, 500, "stop");
        String traceId;
        String planId;
        try (Sextant sextant = sextant("lc4j-nested")) {
            ChatModel model = model(sextant);
            Trace trace = sextant.trace("answer").input("Where is order 42?").start();
            traceId = trace.id();
            try (Scope t = trace.makeCurrent()) {
                Span plan = sextant.custom("plan").start();
                planId = plan.id();
                try (Scope p = plan.makeCurrent()) {
                    ChatResponse response = model.chat(ChatRequest.builder().messages(
                            SystemMessage.from("You track orders."), UserMessage.from("Where is order 42?")).build());
                    assertThat(response.aiMessage().text()).isEqualTo("Order 42 ships tomorrow.");
                }
                plan.end();
            }
            trace.end();
        }

        JsonNode read = server.interaction(traceId);
        JsonNode llm = span(read, "chat");
        assertThat(llm.get("kind").asString()).isEqualTo("llm");
        assertThat(llm.get("parent_id").asString()).isEqualTo(planId);
        assertThat(llm.get("depth").asInt()).isEqualTo(1);
        assertThat(llm.get("status").asString()).isEqualTo("ok");
        assertThat(llm.get("model").asString()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(llm.get("provider").asString()).isEqualTo("openai");
        assertThat(llm.get("usage").get("input_tokens").asLong()).isEqualTo(1000);
        assertThat(llm.get("usage").get("output_tokens").asLong()).isEqualTo(500);
        // gpt-4o-mini: 1000 x 0.15 + 500 x 0.60 per 1M tokens
        assertThat(llm.get("cost_source").asString()).isEqualTo("calculated");
        assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo("0.00045");
        assertThat(llm.get("attributes").get("finish_reason").asString()).isEqualTo("stop");
        assertThat(llm.get("attributes").get("response_id").asString()).isEqualTo("chatcmpl-42");
        assertThat(llm.get("input").asString()).isEqualTo("[{\"role\":\"system\",\"content\":\"You track orders.\"},"
                + "{\"role\":\"user\",\"content\":\"Where is order 42?\"}]");
        assertThat(llm.get("output").asString()).isEqualTo("Order 42 ships tomorrow.");
        assertThat(llm.get("duration_ms").isNumber()).isTrue();
        assertThat(read.get("cost_usd").decimalValue()).isEqualByComparingTo("0.00045");
        assertThat(openAi.requests()).anySatisfy(body -> assertThat(body).contains("Where is order 42?"));
    }

    @Test
    void openAiCachedAndReasoningTokensArePricedAsTheirOwnBuckets() {
        // 1000 prompt tokens of which 600 cached; 500 completion tokens of which 100 reasoning.
        openAi.answers("gpt-4o-mini-2024-07-18", "Shipped.", 1000, 500, "stop", 600, 100);
        try (Sextant sextant = sextant("lc4j-cached")) {
            model(sextant).chat("Where is order 42?");
        }

        JsonNode list = server.get("/api/v1/interactions?agent_id=lc4j-cached");
        JsonNode llm = span(server.interaction(list.get("items").get(0).get("id").asString()), "chat");
        JsonNode usage = llm.get("usage");
        assertThat(usage.get("input_tokens").asLong()).isEqualTo(1000);
        assertThat(usage.get("cache_read_tokens").asLong()).isEqualTo(600);
        assertThat(usage.get("output_tokens").asLong()).isEqualTo(500);
        assertThat(usage.get("reasoning_tokens").asLong()).isEqualTo(100);
        // gpt-4o-mini: 400 plain input x 0.15 + 600 cached x 0.075 + 500 output x 0.60 per 1M tokens
        assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo("0.000405");
    }

    @Test
    void anthropicCacheReadsAndWritesAreAddedBackToInputAndPricedAsTheirOwnBuckets() {
        String traceId;
        try (AnthropicStandIn anthropic = new AnthropicStandIn(); Sextant sextant = sextant("lc4j-anthropic")) {
            // Anthropic counts 200 uncached input tokens, beside 1000 written to and 3000 read from the cache.
            anthropic.answers("claude-3-5-sonnet-20241022", "Shipped.", 200, 1000, 3000, 500);
            ChatModel claude = AnthropicChatModel.builder().baseUrl(anthropic.baseUrl()).apiKey("sk-ant-stand-in")
                    .modelName("claude-3-5-sonnet-20241022").maxRetries(0)
                    .listeners(List.of(new SextantChatModelListener(sextant))).build();
            Trace trace = sextant.trace("answer").start();
            traceId = trace.id();
            try (Scope t = trace.makeCurrent()) {
                assertThat(claude.chat("Where is order 42?")).isEqualTo("Shipped.");
            }
            trace.end();
        }

        JsonNode llm = span(server.interaction(traceId), "chat");
        assertThat(llm.get("provider").asString()).isEqualTo("anthropic");
        JsonNode usage = llm.get("usage");
        assertThat(usage.get("input_tokens").asLong()).isEqualTo(4200);
        assertThat(usage.get("cache_read_tokens").asLong()).isEqualTo(3000);
        assertThat(usage.get("cache_write_tokens").asLong()).isEqualTo(1000);
        assertThat(usage.get("output_tokens").asLong()).isEqualTo(500);
        assertThat(llm.get("attributes").get("finish_reason").asString()).isEqualTo("stop");
        // claude-3.5-sonnet: 200 x 3.00 + 1000 x 3.75 (cache write) + 3000 x 0.30 (cache read) + 500 x 15.00 per 1M
        assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo("0.01275");
    }

    @Test
    void geminiThoughtsAreAddedToOutputAndCachedTokensPricedAsCacheReads() {
        String traceId;
        try (GeminiStandIn gemini = new GeminiStandIn(); Sextant sextant = sextant("lc4j-gemini")) {
            // 10,000 prompt tokens of which 4,000 cached; 1,000 candidate tokens beside 2,000 thoughts.
            gemini.answers("gemini-2.5-flash", "Shipped.", 10_000, 4_000, 1_000, 2_000);
            ChatModel flash = GoogleAiGeminiChatModel.builder().baseUrl(gemini.baseUrl()).apiKey("stand-in-key")
                    .modelName("gemini-2.5-flash").maxRetries(0)
                    .listeners(List.of(new SextantChatModelListener(sextant))).build();
            Trace trace = sextant.trace("answer").start();
            traceId = trace.id();
            try (Scope t = trace.makeCurrent()) {
                assertThat(flash.chat("Where is order 42?")).isEqualTo("Shipped.");
            }
            trace.end();
        }

        JsonNode llm = span(server.interaction(traceId), "chat");
        assertThat(llm.get("provider").asString()).isEqualTo("gcp.gemini");
        assertThat(llm.get("model").asString()).isEqualTo("gemini-2.5-flash");
        JsonNode usage = llm.get("usage");
        assertThat(usage.get("input_tokens").asLong()).isEqualTo(10_000);
        assertThat(usage.get("cache_read_tokens").asLong()).isEqualTo(4_000);
        assertThat(usage.get("output_tokens").asLong()).isEqualTo(3_000);
        assertThat(usage.get("reasoning_tokens").asLong()).isEqualTo(2_000);
        // gemini-2.5-flash: 6,000 x 0.30 + 4,000 cached x 0.03 + 3,000 x 2.50 per 1M tokens
        assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo("0.00942");
    }

    @Test
    void aFailedCallIsAnErrorSpanWithTheProvidersErrorAndTheExceptionReachesTheAgent() {
        openAi.fails(500, "The server had an error while processing your request.");
        String traceId;
        try (Sextant sextant = sextant("lc4j-error")) {
            ChatModel model = model(sextant);
            Trace trace = sextant.trace("answer").start();
            traceId = trace.id();
            try (Scope t = trace.makeCurrent()) {
                assertThatThrownBy(() -> model.chat("Where is order 42?"))
                        .hasMessageContaining("The server had an error");
            }
            trace.end();
        }

        JsonNode llm = span(server.interaction(traceId), "chat");
        assertThat(llm.get("status").asString()).isEqualTo("error");
        assertThat(llm.get("error").asString()).contains("The server had an error while processing your request.");
        assertThat(llm.get("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(llm.get("parent_id").isNull()).isTrue();
    }

    @Test
    void aCallOutsideAnyTraceStartsATraceOfItsOwn() {
        openAi.answers("gpt-4o-mini-2024-07-18", "Hello.", 12, 3, "length");
        try (Sextant sextant = sextant("lc4j-alone")) {
            assertThat(model(sextant).chat("Hi")).isEqualTo("Hello.");
        }

        JsonNode list = server.get("/api/v1/interactions?agent_id=lc4j-alone");
        assertThat(list.get("items")).hasSize(1);
        JsonNode llm = span(server.interaction(list.get("items").get(0).get("id").asString()), "chat");
        assertThat(llm.get("usage").get("input_tokens").asLong()).isEqualTo(12);
        assertThat(llm.get("attributes").get("finish_reason").asString()).isEqualTo("length");
    }

    @Test
    void aStreamedCallIsOneSpanWithTheStreamsUsageEvenWhenItEndsOnAnotherThread() {
        openAi.streams("gpt-4o-mini-2024-07-18", List.of("Order 42 ", "ships ", "tomorrow."), 800, 200);
        try (Sextant sextant = sextant("lc4j-stream")) {
            StreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(openAi.baseUrl())
                    .apiKey("sk-stand-in").modelName("gpt-4o-mini")
                    .listeners(List.of(new SextantChatModelListener(sextant))).build();
            Trace trace = sextant.trace("answer").start();
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            try (Scope t = trace.makeCurrent()) {
                model.chat("Where is order 42?", new StreamingChatResponseHandler() {
                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        done.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }
                });
            }
            assertThat(done.join().aiMessage().text()).isEqualTo("Order 42 ships tomorrow.");
            trace.end();

            // The listener may end the span after the handler saw the answer: wait for the server to show it.
            await().untilAsserted(() -> {
                JsonNode read = server.interaction(trace.id());
                assertThat(read).isNotNull();
                assertThat(read.get("spans")).hasSize(1);
            });
            JsonNode llm = span(server.interaction(trace.id()), "chat");
            assertThat(llm.get("status").asString()).isEqualTo("ok");
            assertThat(llm.get("parent_id").isNull()).isTrue();
            assertThat(llm.get("usage").get("input_tokens").asLong()).isEqualTo(800);
            assertThat(llm.get("usage").get("output_tokens").asLong()).isEqualTo(200);
            assertThat(llm.get("output").asString()).isEqualTo("Order 42 ships tomorrow.");
            assertThat(llm.get("attributes").get("finish_reason").asString()).isEqualTo("stop");
            // gpt-4o-mini: 800 x 0.15 + 200 x 0.60 per 1M tokens
            assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo("0.00024");
        }
    }

    static JsonNode span(JsonNode interaction, String name) {
        for (JsonNode s : interaction.get("spans")) {
            if (s.get("name").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no span named " + name + " in " + interaction);
    }
}
