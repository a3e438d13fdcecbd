package dev.sextant.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LangChain4j messages as span input/output, and provider names in the GenAI spelling. */
class MessagesTest {
    private static final ToolExecutionRequest LOOKUP = ToolExecutionRequest.builder().id("call-1").name("lookup_order")
            .arguments("{\"order\":42}").build();

    @Test
    void aConversationWithAToolRoundTripKeepsRolesTextAndCalls() {
        List<Map<String, Object>> messages = Messages.of(List.of(SystemMessage.from("You track orders."),
                UserMessage.from("Where is order 42?"), AiMessage.from(LOOKUP),
                ToolExecutionResultMessage.from(LOOKUP, "shipped")));

        assertThat(messages).extracting(m -> m.get("role")).containsExactly("system", "user", "assistant", "tool");
        assertThat(messages.get(1)).containsEntry("content", "Where is order 42?");
        assertThat(messages.get(2).get("tool_calls"))
                .isEqualTo(List.of(Map.of("id", "call-1", "name", "lookup_order", "arguments", "{\"order\":42}")));
        assertThat(messages.get(3)).containsEntry("tool_call_id", "call-1").containsEntry("name", "lookup_order")
                .containsEntry("content", "shipped");
    }

    @Test
    void anAnswerIsItsTextUnlessItCallsTools() {
        assertThat(Messages.output(AiMessage.from("It ships tomorrow."))).isEqualTo("It ships tomorrow.");
        assertThat(Messages.output(AiMessage.from(LOOKUP))).isInstanceOf(Map.class);
    }

    @Test
    void noMessagesIsAnEmptyList() {
        assertThat(Messages.of(null)).isEmpty();
    }

    @Test
    void providersUseTheGenAiConventionNames() {
        assertThat(SextantChatModelListener.providerName(ModelProvider.OPEN_AI)).isEqualTo("openai");
        assertThat(SextantChatModelListener.providerName(ModelProvider.ANTHROPIC)).isEqualTo("anthropic");
        assertThat(SextantChatModelListener.providerName(ModelProvider.GOOGLE_AI_GEMINI)).isEqualTo("gcp.gemini");
        assertThat(SextantChatModelListener.providerName(ModelProvider.GOOGLE_VERTEX_AI_GEMINI)).isEqualTo("gcp.vertex_ai");
        assertThat(SextantChatModelListener.providerName(ModelProvider.AMAZON_BEDROCK)).isEqualTo("aws.bedrock");
        assertThat(SextantChatModelListener.providerName(ModelProvider.OLLAMA)).isEqualTo("ollama");
        assertThat(SextantChatModelListener.providerName(null)).isNull();
        for (ModelProvider provider : ModelProvider.values()) {
            assertThat(SextantChatModelListener.providerName(provider)).isNotBlank();
        }
    }
}
