package dev.sextant.genai;

import dev.sextant.testing.RealServer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.Client;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import dev.sextant.sdk.Scope;
import dev.sextant.sdk.Sextant;
import dev.sextant.sdk.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The quickstart of sextant-genai/README.md and of the root README is this test's code, run against the real server. */
@SuppressWarnings("try") // scopes are held only for their close()
class ITQuickstart {
    private static final Path SOURCE = Path.of("src/test/java/dev/sextant/genai/ITQuickstart.java");

    @Test
    void theQuickstartRecordsTheGeminiCallWithItsCost() {
        try (RealServer server = RealServer.start(); GeminiStandIn stand = new GeminiStandIn()) {
            stand.answers("gemini-2.5-flash", "Three fixes, one feature.", 10_000, 4_000, 1_000, 2_000);
            String endpoint = server.base().toString();
            String apiKey = RealServer.KEY;
            String geminiUrl = stand.baseUrl();
            String geminiKey = "stand-in-key";
            // quickstart:start
            try (Sextant sextant = Sextant.builder().endpoint(endpoint).apiKey(apiKey).agentId("release-bot").build();
                    Client client = Client.builder().apiKey(geminiKey)
                            .httpOptions(HttpOptions.builder().baseUrl(geminiUrl).build()).build()) {
                SextantGemini gemini = new SextantGemini(sextant);
                Trace trace = sextant.trace("summarise").start();
                try (Scope scope = trace.makeCurrent()) {
                    GenerateContentResponse response = gemini.generateContent(client, "gemini-2.5-flash",
                            "Summarise the release notes.", null); // an LLM span in this trace
                    trace.output(response.text());
                }
                trace.end();
            }
            // quickstart:end

            JsonNode list = server.get("/api/v1/interactions?agent_id=release-bot");
            assertThat(list.get("items")).hasSize(1);
            JsonNode read = server.interaction(list.get("items").get(0).get("id").asString());
            assertThat(read.get("output").asString()).isEqualTo("Three fixes, one feature.");
            JsonNode llm = read.get("spans").get(0);
            assertThat(llm.get("usage").get("output_tokens").asLong()).isEqualTo(3_000);
            assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo("0.00942");
        }
    }

    @Test
    void bothReadmesShowExactlyTheQuickstartCode() throws IOException {
        assertThat(Files.readString(Path.of("README.md"))).contains(snippet());
        assertThat(Files.readString(Path.of("../README.md"))).contains(snippet());
    }

    /** The lines between the markers, with the test's indentation removed. */
    static String snippet() throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        int from = lines.indexOf("            // quickstart:start") + 1;
        int to = lines.indexOf("            // quickstart:end");
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(from, to)) {
            out.append(line.length() >= 12 ? line.substring(12) : line.strip()).append('\n');
        }
        return out.toString();
    }
}
