package dev.sextant.sdk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** A trace's fields, filled by its public handle until {@code end()} hands it to the exporter. */
public final class TraceRecord implements Item {
    public String id;
    public String agentId;
    public String sessionId;
    public String conversationId;
    public String userId;
    public String name;
    public Object input;
    public Object output;
    public String status;
    public String error;
    public Instant startedAt;
    public Instant endedAt;
    public String messageType;
    public final List<Map.Entry<String, Double>> intents = new ArrayList<>(0);
    public Double confidence;
    public Handoff handoff;
    public Integer contextSize;
    public String configVersion;
    public String experimentId;
    public String variantId;
    public List<String> tags;
    public Map<String, Object> metadata;
    /** Typed context: type → a string, number or boolean, or a list of strings (sent as {@code context}). */
    public Map<String, Object> context;

    public TraceRecord(String id) {
        this.id = id;
    }

    public void context(String type, Object value) {
        if (context == null) {
            context = new LinkedHashMap<>();
        }
        context.put(type, value);
    }

    public void metadata(String key, Object value) {
        if (metadata == null) {
            metadata = new LinkedHashMap<>();
        }
        metadata.put(key, value);
    }

    @Override
    public String type() {
        return "trace";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void writeBody(JsonGenerator json) {
        json.writeStartObject();
        Json.string(json, "id", id);
        Json.string(json, "agent_id", agentId);
        Json.string(json, "session_id", sessionId);
        Json.string(json, "conversation_id", conversationId);
        Json.string(json, "user_id", userId);
        Json.string(json, "name", name);
        Json.value(json, "input", input);
        Json.value(json, "output", output);
        Json.string(json, "status", status);
        Json.string(json, "error", error);
        Json.time(json, "started_at", startedAt);
        Json.time(json, "ended_at", endedAt);
        Json.string(json, "message_type", messageType);
        if (!intents.isEmpty()) {
            json.writeName("intents");
            json.writeStartArray();
            for (Map.Entry<String, Double> intent : intents) {
                json.writeStartObject();
                Json.string(json, "name", intent.getKey());
                Json.number(json, "confidence", intent.getValue());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        Json.number(json, "confidence", confidence);
        if (handoff != null) {
            handoff.write(json);
        }
        if (contextSize != null) {
            json.writeName("context_size");
            json.writeNumber(contextSize.intValue());
        }
        Json.string(json, "config_version", configVersion);
        Json.string(json, "experiment_id", experimentId);
        Json.string(json, "variant_id", variantId);
        Json.strings(json, "tags", tags);
        Json.value(json, "metadata", metadata);
        Json.value(json, "context", context);
        json.writeEndObject();
    }
}
