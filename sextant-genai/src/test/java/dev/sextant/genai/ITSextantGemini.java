package dev.sextant.genai;

import dev.sextant.testing.RealServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import dev.sextant.sdk.Scope;
import dev.sextant.sdk.Sextant;
import dev.sextant.sdk.Span;
import dev.sextant.sdk.Trace;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The real google-genai client, pointed at a local stand-in of the Gemini REST API, through
 * {@link SextantGemini} to the real Sextant server; spans and their Gemini-priced cost read back
 * through {@code GET /api/v1/interactions/{id}}.
 */
@SuppressWarnings("try") // scopes are held only for their close()
class ITSextantGemini {
    private static RealServer server;
    private static GeminiStandIn gemini;
    private static Client client;

    @BeforeAll
    static void start() {
        server = RealServer.start();
        gemini = new GeminiStandIn();
        client = Client.builder().apiKey("stand-in-key")
                .httpOptions(HttpOptions.builder().baseUrl(gemini.baseUrl()).build()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        gemini.close();
        server.close();
    }

    private static Sextant sextant(String agent) {
        return Sextant.builder().endpoint(server.base().toString()).apiKey(RealServer.KEY).agentId(agent).build();
    }

    @Test
    void flashWithCachedPromptAndThoughtsIsPricedByDisjointBuckets() {
        // 10,000 prompt tokens of which 4,000 cached; 1,000 candidate tokens plus 2,000 thoughts.
        gemini.answers("gemini-2.5-flash", "Order 42 ships tomorrow.", 10_000, 4_000, 1_000, 2_000);
        String traceId;
        String stepId;
        try (Sextant sextant = sextant("gemini-flash")) {
            Trace trace = sextant.trace("answer").start();
            traceId = trace.id();
            try (Scope t = trace.makeCurrent()) {
                Span step = sextant.custom("look up").start();
                stepId = step.id();
                try (Scope s = step.makeCurrent()) {
                    GenerateContentResponse response = new SextantGemini(sextant).generateContent(client,
                            "gemini-2.5-flash", List.of(Content.fromParts(Part.fromText("Where is order 42?"))), null);
                    assertThat(response.text()).isEqualTo("Order 42 ships tomorrow.");
                }
                step.end();
            }
            trace.end();
        }

        JsonNode llm = span(server.interaction(traceId), "generate_content");
        assertThat(llm.get("parent_id").asString()).isEqualTo(stepId);
        assertThat(llm.get("status").asString()).isEqualTo("ok");
        assertThat(llm.get("model").asString()).isEqualTo("gemini-2.5-flash");
        assertThat(llm.get("provider").asString()).isEqualTo("gcp.gemini");
        JsonNode usage = llm.get("usage");
        assertThat(usage.get("input_tokens").asLong()).isEqualTo(10_000);
        assertThat(usage.get("output_tokens").asLong()).isEqualTo(3_000);
        assertThat(usage.get("cache_read_tokens").asLong()).isEqualTo(4_000);
        assertThat(usage.get("reasoning_tokens").asLong()).isEqualTo(2_000);
        // 6,000 plain input x 0.30 + 4,000 cached x 0.03 + (1,000 + 2,000 thoughts) x 2.50 per 1M tokens
        assertThat(llm.get("cost_source").asString()).isEqualTo("calculated");
        assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo("0.00942");
        assertThat(llm.get("attributes").get("finish_reason").asString()).isEqualTo("stop");
        assertThat(llm.get("attributes").get("response_id").asString()).isEqualTo("resp-7");
        assertThat(llm.get("input").asString()).contains("Where is order 42?");
        assertThat(llm.get("output").asString()).isEqualTo("Order 42 ships tomorrow.");
        assertThat(gemini.paths()).contains("POST /v1beta/models/gemini-2.5-flash:generateContent");
    }

    @ParameterizedTest(name = "{0} with {1} prompt tokens costs {3}")
    @CsvSource({
            // 1.5 Pro: 1.25 / 5.00 up to 128K prompt tokens, 2.50 / 10.00 above
            "gemini-1.5-pro-002, 100000, 2000, 0.135",
            "gemini-1.5-pro-002, 200000, 2000, 0.52",
            // 1.5 Flash: 0.075 / 0.30 up to 128K, 0.15 / 0.60 above
            "gemini-1.5-flash-002, 100000, 2000, 0.0081",
            "gemini-1.5-flash-002, 200000, 2000, 0.0312"})
    void proAndFlashArePricedByTheirPromptSizeTier(String modelVersion, int prompt, int candidates, String cost) {
        gemini.answers(modelVersion, "Done.", prompt, 0, candidates, 0);
        String agent = "gemini-tier-" + modelVersion + "-" + prompt;
        try (Sextant sextant = sextant(agent)) {
            new SextantGemini(sextant).generateContent(client, modelVersion.replaceAll("-\\d{3}$", ""), "Summarise.", null);
        }

        JsonNode list = server.get("/api/v1/interactions?agent_id=" + agent);
        assertThat(list.get("items")).hasSize(1);
        JsonNode llm = span(server.interaction(list.get("items").get(0).get("id").asString()), "generate_content");
        assertThat(llm.get("model").asString()).isEqualTo(modelVersion);
        assertThat(llm.get("usage").get("input_tokens").asLong()).isEqualTo(prompt);
        assertThat(llm.get("usage").get("output_tokens").asLong()).isEqualTo(candidates);
        assertThat(llm.get("input").asString()).isEqualTo("Summarise.");
        assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo(cost);
    }

    @Test
    void aGeminiErrorIsAnErrorSpanAndReachesTheCallerUnchanged() {
        gemini.fails(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.");
        String traceId;
        try (Sextant sextant = sextant("gemini-error")) {
            Trace trace = sextant.trace("answer").start();
            traceId = trace.id();
            try (Scope t = trace.makeCurrent()) {
                assertThatThrownBy(() -> new SextantGemini(sextant).generateContent(client, "gemini-2.5-pro", "Hi", null))
                        .isInstanceOf(ApiException.class).hasMessageContaining("API key not valid");
            }
            trace.end();
        }

        JsonNode llm = span(server.interaction(traceId), "generate_content");
        assertThat(llm.get("status").asString()).isEqualTo("error");
        assertThat(llm.get("error").asString()).isEqualTo(
                "com.google.genai.errors.ClientException: 400 INVALID_ARGUMENT. API key not valid. Please pass a valid API key.");
        assertThat(llm.get("model").asString()).isEqualTo("gemini-2.5-pro");
        // Gemini sent no usage: what the server shows is its own estimate from the input text, marked so.
        assertThat(llm.get("usage").get("estimated").asBoolean()).isTrue();
        assertThat(llm.get("cost_source").asString()).isEqualTo("estimated");
    }

    @Test
    void anAsyncCallEndsItsSpanWhenTheFutureCompletes() {
        gemini.answers("gemini-2.5-pro", "Later.", 1_000, 0, 100, 400);
        try (Sextant sextant = sextant("gemini-async")) {
            GenerateContentResponse response = new SextantGemini(sextant).generateContentAsync(client, "gemini-2.5-pro",
                    List.of(Content.fromParts(Part.fromText("Plan it."))), null).join();
            assertThat(response.text()).isEqualTo("Later.");
        }

        JsonNode list = server.get("/api/v1/interactions?agent_id=gemini-async");
        JsonNode llm = span(server.interaction(list.get("items").get(0).get("id").asString()), "generate_content");
        assertThat(llm.get("usage").get("output_tokens").asLong()).isEqualTo(500);
        assertThat(llm.get("usage").get("reasoning_tokens").asLong()).isEqualTo(400);
        // 2.5 Pro: 1,000 x 1.25 + 500 x 10.00 per 1M tokens
        assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo("0.00625");
    }

    @Test
    void anAsyncFailureIsAnErrorSpan() {
        gemini.fails(400, "INVALID_ARGUMENT", "Request contains an invalid argument.");
        try (Sextant sextant = sextant("gemini-async-error")) {
            assertThatThrownBy(() -> new SextantGemini(sextant).generateContentAsync(client, "gemini-2.5-flash",
                    List.of(Content.fromParts(Part.fromText("Plan it."))), null).join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ApiException.class);
        }

        JsonNode list = server.get("/api/v1/interactions?agent_id=gemini-async-error");
        JsonNode llm = span(server.interaction(list.get("items").get(0).get("id").asString()), "generate_content");
        assertThat(llm.get("status").asString()).isEqualTo("error");
        assertThat(llm.get("error").asString()).contains("invalid argument");
    }

    @Test
    void aStreamIsOneSpanWithTheJoinedTextAndTheLastChunksUsage() {
        gemini.streams("gemini-2.5-flash", List.of("Order 42 ", "ships ", "tomorrow."), 2_000, 300, 700);
        StringBuilder read = new StringBuilder();
        try (Sextant sextant = sextant("gemini-stream")) {
            try (RecordedStream stream = new SextantGemini(sextant).generateContentStream(client, "gemini-2.5-flash",
                    List.of(Content.fromParts(Part.fromText("Where is order 42?"))), null)) {
                for (GenerateContentResponse chunk : stream) {
                    read.append(chunk.text());
                }
            }
        }
        assertThat(read).hasToString("Order 42 ships tomorrow.");
        assertThat(gemini.paths()).contains("POST /v1beta/models/gemini-2.5-flash:streamGenerateContent");

        JsonNode list = server.get("/api/v1/interactions?agent_id=gemini-stream");
        assertThat(list.get("items")).hasSize(1);
        JsonNode llm = span(server.interaction(list.get("items").get(0).get("id").asString()), "generate_content");
        assertThat(llm.get("status").asString()).isEqualTo("ok");
        assertThat(llm.get("output").asString()).isEqualTo("Order 42 ships tomorrow.");
        assertThat(llm.get("usage").get("input_tokens").asLong()).isEqualTo(2_000);
        assertThat(llm.get("usage").get("output_tokens").asLong()).isEqualTo(1_000);
        assertThat(llm.get("usage").get("reasoning_tokens").asLong()).isEqualTo(700);
        assertThat(llm.get("attributes").get("finish_reason").asString()).isEqualTo("stop");
        // 2,000 x 0.30 + (300 + 700 thoughts) x 2.50 per 1M tokens
        assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo("0.0031");
    }

    @Test
    void aStreamThatFailsIsAnErrorSpan() {
        gemini.fails(400, "INVALID_ARGUMENT", "Request contains an invalid argument.");
        try (Sextant sextant = sextant("gemini-stream-error")) {
            assertThatThrownBy(() -> {
                try (RecordedStream stream = new SextantGemini(sextant).generateContentStream(client, "gemini-2.5-flash",
                        List.of(Content.fromParts(Part.fromText("Plan it."))), null)) {
                    stream.forEach(chunk -> { });
                }
            }).isInstanceOf(ApiException.class);
        }

        JsonNode list = server.get("/api/v1/interactions?agent_id=gemini-stream-error");
        JsonNode llm = span(server.interaction(list.get("items").get(0).get("id").asString()), "generate_content");
        assertThat(llm.get("status").asString()).isEqualTo("error");
        assertThat(llm.get("error").asString()).contains("invalid argument");
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
