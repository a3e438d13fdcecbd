package dev.sextant.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** LangChain4j messages as the span's JSON input and output: {@code [{"role": "user", "content": "..."}]}. */
final class Messages {
    private Messages() {
    }

    static List<Map<String, Object>> of(List<ChatMessage> messages) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (messages != null) {
            for (ChatMessage message : messages) {
                out.add(of(message));
            }
        }
        return out;
    }

    /** The answer's text; a tool-calling answer as its message (role, text, tool calls). */
    static Object output(AiMessage message) {
        return message.hasToolExecutionRequests() ? of(message) : message.text();
    }

    private static Map<String, Object> of(ChatMessage message) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (message instanceof SystemMessage system) {
            out.put("role", "system");
            out.put("content", system.text());
        } else if (message instanceof UserMessage user) {
            out.put("role", "user");
            out.put("content", user.hasSingleText() ? user.singleText() : String.valueOf(user.contents()));
        } else if (message instanceof AiMessage ai) {
            out.put("role", "assistant");
            out.put("content", ai.text());
            if (ai.hasToolExecutionRequests()) {
                List<Map<String, Object>> calls = new ArrayList<>();
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("id", call.id());
                    c.put("name", call.name());
                    c.put("arguments", call.arguments());
                    calls.add(c);
                }
                out.put("tool_calls", calls);
            }
        } else if (message instanceof ToolExecutionResultMessage result) {
            out.put("role", "tool");
            out.put("tool_call_id", result.id());
            out.put("name", result.toolName());
            out.put("content", result.text());
        } else if (message != null) {
            out.put("role", message.type().name().toLowerCase(Locale.ROOT));
            out.put("content", message.toString());
        }
        return out;
    }
}
