package dev.sextant.sdk;

import dev.sextant.testing.RealServer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The quickstart of sextant-sdk/README.md (and of the root README's tour) is this test's code, run against the real server. */
@SuppressWarnings("try") // scopes are held only for their close()
class ITQuickstart {
    private static final Path SOURCE = Path.of("src/test/java/dev/sextant/sdk/ITQuickstart.java");
    private static final Path README = Path.of("README.md");
    private static final Path ROOT_README = Path.of("../README.md");

    @Test
    void theQuickstartRecordsATraceTheServerShows() {
        try (RealServer server = RealServer.start()) {
            String endpoint = server.base().toString();
            String apiKey = RealServer.KEY;
            // quickstart:start
            try (Sextant sextant = Sextant.builder().endpoint(endpoint).apiKey(apiKey).agentId("support-bot")
                    .closeOnShutdown(true).build()) {
                Trace trace = sextant.trace("answer").conversation("c-9").user("u-4")
                        .input("Where is my order?").start();
                try (Scope scope = trace.makeCurrent()) {
                    sextant.decision("route").chosen("order_status").alternatives("order_status", "handoff")
                            .reasoning("the message names an order").confidence(0.92).record();
                    String status = sextant.tool("lookup_order").wrap(() -> "shipped");
                    Span llm = sextant.llm("generate").model("gpt-4o-mini").input("Order 42 is " + status).start();
                    llm.usage(1000, 500).output("It ships tomorrow.").end();
                }
                trace.output("It ships tomorrow.").end();
                sextant.score(trace.id(), "user_rating", 5, "fast");
            } // close() sends what is queued
            // quickstart:end

            JsonNode list = server.get("/api/v1/interactions?agent_id=support-bot");
            assertThat(list.get("items")).hasSize(1);
            JsonNode read = server.interaction(list.get("items").get(0).get("id").asString());
            List<String> spans = new ArrayList<>();
            read.get("spans").forEach(s -> spans.add(s.get("kind").asString() + " " + s.get("name").asString()));
            assertThat(spans).containsExactlyInAnyOrder("decision route", "tool lookup_order", "llm generate");
            assertThat(read.get("cost_usd").decimalValue()).isPositive();
            assertThat(read.get("scores").get(0).get("value").asDouble()).isEqualTo(5.0);
        }
    }

    @Test
    void bothReadmesShowExactlyTheQuickstartCode() throws IOException {
        assertThat(Files.readString(README)).contains(snippet());
        assertThat(Files.readString(ROOT_README)).contains(snippet());
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
