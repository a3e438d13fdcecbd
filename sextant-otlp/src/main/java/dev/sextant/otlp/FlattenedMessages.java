package dev.sextant.otlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages that older producers flatten into numbered attributes — OpenLLMetry's
 * {@code gen_ai.prompt.N.role|content} / {@code gen_ai.completion.N.*}, OpenInference's
 * {@code llm.input_messages.N.message.role|content} / {@code llm.output_messages.N.message.*} —
 * gathered back into a JSON array of {@code {"role", "content", ...}} objects, in index order.
 */
final class FlattenedMessages {
    private static final Pattern INDEXED = Pattern.compile("(\\d+)\\.(?:message\\.)?(.+)");

    private FlattenedMessages() {}

    /** The messages under the first prefix that has any, as JSON text; null when none has. */
    static String json(SpanAttributes a, String... prefixes) {
        for (String prefix : prefixes) {
            Map<String, Object> flat = a.withPrefix(prefix);
            if (!flat.isEmpty()) {
                List<Map<String, Object>> messages = messages(prefix, flat);
                if (!messages.isEmpty()) {
                    return SpanAttributes.JSON.writeValueAsString(messages);
                }
            }
        }
        return null;
    }

    private static List<Map<String, Object>> messages(String prefix, Map<String, Object> flat) {
        TreeMap<Integer, Map<String, Object>> byIndex = new TreeMap<>();
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            Matcher m = INDEXED.matcher(e.getKey().substring(prefix.length()));
            if (m.matches() && m.group(1).length() < 9) {
                byIndex.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new LinkedHashMap<>())
                        .put(m.group(2), e.getValue());
            }
        }
        return new ArrayList<>(byIndex.values());
    }
}
