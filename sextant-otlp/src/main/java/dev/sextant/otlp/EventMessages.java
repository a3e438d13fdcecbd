package dev.sextant.otlp;

import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages that older GenAI producers send as span events: {@code gen_ai.system.message},
 * {@code gen_ai.user.message}, {@code gen_ai.assistant.message}, {@code gen_ai.tool.message}
 * (the input) and {@code gen_ai.choice} (the output), each event's attributes one message.
 */
final class EventMessages {
    private EventMessages() {}

    /** The input messages as a JSON array, or null when the span has no such event. */
    static String input(Span span) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Span.Event event : span.getEventsList()) {
            String name = event.getName();
            if (name.startsWith("gen_ai.") && name.endsWith(".message") && name.length() > 15) {
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("role", name.substring(7, name.length() - 8));
                message.putAll(AttributeValues.of(event.getAttributesList()));
                messages.add(message);
            }
        }
        return messages.isEmpty() ? null : SpanAttributes.JSON.writeValueAsString(messages);
    }

    /** The {@code gen_ai.choice} events' attributes as a JSON array, or null when there is none. */
    static String output(Span span) {
        List<Map<String, Object>> choices = new ArrayList<>();
        for (Span.Event event : span.getEventsList()) {
            if (event.getName().equals("gen_ai.choice")) {
                choices.add(AttributeValues.of(event.getAttributesList()));
            }
        }
        return choices.isEmpty() ? null : SpanAttributes.JSON.writeValueAsString(choices);
    }
}
