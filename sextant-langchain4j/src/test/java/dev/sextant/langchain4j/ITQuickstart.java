package dev.sextant.langchain4j;

import dev.sextant.testing.RealServer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.sextant.sdk.Scope;
import dev.sextant.sdk.Sextant;
import dev.sextant.sdk.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The quickstart of sextant-langchain4j/README.md and of the root README is this test's code, run against the real server. */
@SuppressWarnings("try") // scopes are held only for their close()
class ITQuickstart {
    private static final Path SOURCE = Path.of("src/test/java/dev/sextant/langchain4j/ITQuickstart.java");

    @Test
    void theQuickstartRecordsTheModelCallInTheTrace() {
        try (RealServer server = RealServer.start(); OpenAiStandIn openAi = new OpenAiStandIn()) {
            openAi.answers("gpt-4o-mini-2024-07-18", "Order 42 ships tomorrow.", 1000, 500, "stop");
            String endpoint = server.base().toString();
            String apiKey = RealServer.KEY;
            String openAiUrl = openAi.baseUrl();
            String openAiKey = "sk-stand-in";
            // quickstart:start
            try (Sextant sextant = Sextant.builder().endpoint(endpoint).apiKey(apiKey).agentId("order-bot").build()) {
                ChatModel model = OpenAiChatModel.builder().baseUrl(openAiUrl).apiKey(openAiKey)
                        .modelName("gpt-4o-mini").listeners(List.of(new SextantChatModelListener(sextant))).build();
                Trace trace = sextant.trace("answer").input("Where is order 42?").start();
                try (Scope scope = trace.makeCurrent()) {
                    trace.output(model.chat("Where is order 42?")); // an LLM span in this trace
                }
                trace.end();
            }
            // quickstart:end

            JsonNode list = server.get("/api/v1/interactions?agent_id=order-bot");
            assertThat(list.get("items")).hasSize(1);
            JsonNode read = server.interaction(list.get("items").get(0).get("id").asString());
            assertThat(read.get("output").asString()).isEqualTo("Order 42 ships tomorrow.");
            JsonNode llm = read.get("spans").get(0);
            assertThat(llm.get("kind").asString()).isEqualTo("llm");
            assertThat(llm.get("model").asString()).isEqualTo("gpt-4o-mini-2024-07-18");
            assertThat(llm.get("cost_usd").decimalValue()).isEqualByComparingTo("0.00045");
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
