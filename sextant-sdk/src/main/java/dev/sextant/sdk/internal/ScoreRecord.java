package dev.sextant.sdk.internal;

import java.time.Instant;
import tools.jackson.core.JsonGenerator;

/** Feedback or an evaluation on a trace (or one of its spans): a number or a category. */
public record ScoreRecord(String id, String traceId, String spanId, String name, Double value, String stringValue,
        String comment, String source, String userId, Instant createdAt) implements Item {
    @Override
    public String type() {
        return "score";
    }

    @Override
    public void writeBody(JsonGenerator json) {
        json.writeStartObject();
        Json.string(json, "id", id);
        Json.string(json, "trace_id", traceId);
        Json.string(json, "span_id", spanId);
        Json.string(json, "name", name);
        Json.number(json, "value", value);
        Json.string(json, "string_value", stringValue);
        Json.string(json, "comment", comment);
        Json.string(json, "source", source);
        Json.string(json, "user_id", userId);
        Json.time(json, "created_at", createdAt);
        json.writeEndObject();
    }
}
