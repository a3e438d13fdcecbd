package dev.sextant.otlp;

import dev.sextant.ingest.FieldLimits;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The span's attributes JSON: every attribute no mapping took, plus what OTLP knows that Sextant
 * has no column for, under {@code otel.*} keys: the span kind (when not INTERNAL), the
 * instrumentation scope, {@code service.name} of the resource, and the span events.
 */
final class OtlpSpanAttributesJson {
    private static final String[] SPAN_KINDS = {"unspecified", "internal", "server", "client", "producer", "consumer"};

    private OtlpSpanAttributesJson() {}

    static String of(Map<String, Object> rest, Span otlp, Map<String, Object> resource, String scope,
            SpanProblems problems) {
        Map<String, Object> json = new LinkedHashMap<>(rest);
        int kind = otlp.getKindValue();
        if (kind != 1 && kind != 0) {
            json.put("otel.span_kind", kind > 0 && kind < SPAN_KINDS.length ? SPAN_KINDS[kind] : kind);
        }
        if (!scope.isEmpty()) {
            json.put("otel.scope.name", scope);
        }
        Object service = resource.get("service.name");
        if (service != null) {
            json.put("service.name", service);
        }
        if (otlp.getEventsCount() > 0) {
            List<Map<String, Object>> events = new ArrayList<>(otlp.getEventsCount());
            for (Span.Event event : otlp.getEventsList()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", event.getName());
                java.time.Instant at = OtlpTimes.instant(event.getTimeUnixNano());
                if (at != null) {
                    e.put("time", at.toString());
                }
                if (event.getAttributesCount() > 0) {
                    e.put("attributes", AttributeValues.of(event.getAttributesList()));
                }
                events.add(e);
            }
            json.put("otel.events", events);
        }
        if (json.isEmpty()) {
            return null;
        }
        String text = SpanAttributes.JSON.writeValueAsString(json);
        if (text.length() > FieldLimits.JSON) {
            problems.add("attributes are " + text.length() + " characters long as JSON, over the limit of "
                    + FieldLimits.JSON + " (the largest: " + largest(rest) + ")");
        } else if (text.contains("\\u0000")) {
            problems.add("attributes contain a NUL character (\\u0000), which PostgreSQL cannot store; remove it");
        }
        return text;
    }

    /** The message of the span's first {@code exception} event, if any. */
    static String exceptionMessage(Span otlp) {
        for (Span.Event event : otlp.getEventsList()) {
            if (event.getName().equals("exception")) {
                Object message = AttributeValues.of(event.getAttributesList()).get("exception.message");
                Object type = AttributeValues.of(event.getAttributesList()).get("exception.type");
                if (message != null || type != null) {
                    return (type != null ? type + ": " : "") + (message != null ? message : "");
                }
            }
        }
        return null;
    }

    private static String largest(Map<String, Object> attributes) {
        String key = null;
        int size = -1;
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            int s = String.valueOf(e.getValue()).length();
            if (s > size) {
                size = s;
                key = e.getKey();
            }
        }
        return key == null ? "events" : key + ", " + size + " characters";
    }
}
