package dev.sextant.langchain4j;

import dev.sextant.testing.RealServer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.sextant.sdk.Scope;
import dev.sextant.sdk.Sextant;
import dev.sextant.sdk.Trace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A LangChain4j AI service with a tool, the way agents are written with it: one question makes
 * two model calls (the model asks for the tool, LangChain4j runs it, the model answers), and
 * both are LLM spans of the agent's trace, each with its own usage and cost.
 */
@SuppressWarnings("try") // scopes are held only for their close()
class ITAiServiceAgent {

    interface OrderAssistant {
        String answer(String question);
    }

    static final class OrderTools {
        final List<Integer> looked = new ArrayList<>();

        @Tool("Looks up the shipping status of an order")
        String lookupOrder(int order) {
            looked.add(order);
            return "order " + order + " shipped";
        }
    }

    @Test
    void eachModelCallOfAToolUsingAgentIsAnLlmSpanOfItsTrace() {
        try (RealServer server = RealServer.start(); OpenAiStandIn openAi = new OpenAiStandIn()) {
            openAi.answers("gpt-4o-mini-2024-07-18", "Order 42 has shipped.", 1200, 20, "stop");
            openAi.callsToolFirst("gpt-4o-mini-2024-07-18", "lookupOrder", "{\"order\": 42}", 1000, 30);
            OrderTools tools = new OrderTools();
            String traceId;
            try (Sextant sextant = Sextant.builder().endpoint(server.base().toString()).apiKey(RealServer.KEY)
                    .agentId("lc4j-agent").build()) {
                OrderAssistant assistant = AiServices.builder(OrderAssistant.class)
                        .chatModel(OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-stand-in")
                                .modelName("gpt-4o-mini").listeners(List.of(new SextantChatModelListener(sextant)))
                                .build())
                        .tools(tools).build();
                Trace trace = sextant.trace("answer").input("Where is order 42?").start();
                traceId = trace.id();
                try (Scope scope = trace.makeCurrent()) {
                    trace.output(assistant.answer("Where is order 42?"));
                }
                trace.end();
            }
            assertThat(tools.looked).containsExactly(42);

            JsonNode read = server.interaction(traceId);
            assertThat(read.get("output").asString()).isEqualTo("Order 42 has shipped.");
            List<JsonNode> calls = new ArrayList<>();
            read.get("spans").forEach(calls::add);
            calls.sort(Comparator.comparing(s -> Instant.parse(s.get("started_at").asString())));
            assertThat(calls).hasSize(2).allSatisfy(s -> {
                assertThat(s.get("kind").asString()).isEqualTo("llm");
                assertThat(s.get("parent_id").isNull()).isTrue();
            });

            JsonNode askTool = calls.get(0);
            assertThat(askTool.get("attributes").get("finish_reason").asString()).isEqualTo("tool_execution");
            assertThat(askTool.get("output").asString()).contains("\"tool_calls\"").contains("\"name\":\"lookupOrder\"");
            assertThat(askTool.get("usage").get("input_tokens").asLong()).isEqualTo(1000);

            JsonNode answer = calls.get(1);
            assertThat(answer.get("input").asString()).contains("\"role\":\"tool\"").contains("order 42 shipped");
            assertThat(answer.get("output").asString()).isEqualTo("Order 42 has shipped.");
            // gpt-4o-mini: (1000 + 1200) x 0.15 + (30 + 20) x 0.60 per 1M tokens
            assertThat(read.get("cost_usd").decimalValue()).isEqualByComparingTo("0.00036");
        }
    }
}
