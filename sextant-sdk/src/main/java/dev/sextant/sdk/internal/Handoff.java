package dev.sextant.sdk.internal;

import tools.jackson.core.JsonGenerator;

/** The {@code handoff} object of a trace or span. */
public record Handoff(boolean triggered, String reason, String target) {
    void write(JsonGenerator json) {
        json.writeName("handoff");
        json.writeStartObject();
        json.writeName("triggered");
        json.writeBoolean(triggered);
        Json.string(json, "reason", reason);
        Json.string(json, "target", target);
        json.writeEndObject();
    }
}
