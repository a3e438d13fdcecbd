package dev.sextant.sdk.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** A span's fields, filled by its public handle until {@code end()} hands it to the exporter. */
public final class SpanRecord implements Item {
    public final String id;
    public final String traceId;
    public final String parentId;
    public final String kind;
    public String name;
    public String status;
    public String error;
    public Instant startedAt;
    public Instant endedAt;
    public String model;
    public String provider;
    public boolean hasUsage;
    public long inputTokens;
    public long outputTokens;
    public long cacheReadTokens;
    public long cacheWriteTokens;
    public long reasoningTokens;
    public BigDecimal costUsd;
    public String toolName;
    public String decisionPoint;
    public String chosen;
    public List<String> alternatives;
    public String reasoning;
    public Double confidence;
    public Handoff handoff;
    public Map<String, Object> attributes;
    public Object input;
    public Object output;

    public SpanRecord(String id, String traceId, String parentId, String kind) {
        this.id = id;
        this.traceId = traceId;
        this.parentId = parentId;
        this.kind = kind;
    }

    public void attribute(String key, Object value) {
        if (attributes == null) {
            attributes = new LinkedHashMap<>();
        }
        attributes.put(key, value);
    }

    @Override
    public String type() {
        return "span";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void writeBody(JsonGenerator json) {
        json.writeStartObject();
        Json.string(json, "id", id);
        Json.string(json, "trace_id", traceId);
        Json.string(json, "parent_id", parentId);
        Json.string(json, "kind", kind);
        Json.string(json, "name", name);
        Json.string(json, "status", status);
        Json.string(json, "error", error);
        Json.time(json, "started_at", startedAt);
        Json.time(json, "ended_at", endedAt);
        Json.string(json, "model", model);
        Json.string(json, "provider", provider);
        if (hasUsage) {
            json.writeName("usage");
            json.writeStartObject();
            tokens(json, "input_tokens", inputTokens);
            tokens(json, "output_tokens", outputTokens);
            tokens(json, "cache_read_tokens", cacheReadTokens);
            tokens(json, "cache_write_tokens", cacheWriteTokens);
            tokens(json, "reasoning_tokens", reasoningTokens);
            json.writeEndObject();
        }
        Json.money(json, "cost_usd", costUsd);
        Json.string(json, "tool_name", toolName);
        if (decisionPoint != null || chosen != null || alternatives != null || reasoning != null) {
            json.writeName("decision");
            json.writeStartObject();
            Json.string(json, "point", decisionPoint);
            Json.string(json, "chosen", chosen);
            Json.strings(json, "alternatives", alternatives);
            Json.string(json, "reasoning", reasoning);
            json.writeEndObject();
        }
        Json.number(json, "confidence", confidence);
        if (handoff != null) {
            handoff.write(json);
        }
        Json.value(json, "attributes", attributes);
        Json.value(json, "input", input);
        Json.value(json, "output", output);
        json.writeEndObject();
    }

    private static void tokens(JsonGenerator json, String name, long value) {
        json.writeName(name);
        json.writeNumber(value);
    }
}
