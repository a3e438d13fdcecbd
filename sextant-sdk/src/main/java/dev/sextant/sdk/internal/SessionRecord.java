package dev.sextant.sdk.internal;

import java.time.Instant;
import tools.jackson.core.JsonGenerator;

/** A session as sent: once when it opens and again (with its end) when it closes; the server upserts by id. */
public record SessionRecord(String id, String userId, String agentId, Object context, Instant startedAt,
        Instant endedAt) implements Item {
    @Override
    public String type() {
        return "session";
    }

    @Override
    public void writeBody(JsonGenerator json) {
        json.writeStartObject();
        Json.string(json, "id", id);
        Json.string(json, "user_id", userId);
        Json.string(json, "agent_id", agentId);
        Json.value(json, "context", context);
        Json.time(json, "started_at", startedAt);
        Json.time(json, "ended_at", endedAt);
        json.writeEndObject();
    }
}
