package dev.sextant.server.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One item of a native ingest batch ({@code {"type": ..., "body": {...}}}, DESIGN.md §4), built
 * field by field in wire names. A null value leaves the field out, as a client would.
 */
final class WireItem {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String type;
    private final ObjectNode body = JSON.createObjectNode();

    private WireItem(String type, String id) {
        this.type = type;
        body.put("id", id);
    }

    static WireItem trace(String id, String agentId, String name, Instant start, Instant end) {
        return new WireItem("trace", id).put("agent_id", agentId).put("name", name)
                .time("started_at", start).time("ended_at", end);
    }

    static WireItem span(String id, String traceId, String parentId, String kind, String name,
            Instant start, Instant end) {
        return new WireItem("span", id).put("trace_id", traceId).put("parent_id", parentId)
                .put("kind", kind).put("name", name).put("status", "ok")
                .time("started_at", start).time("ended_at", end);
    }

    static WireItem score(String id, String traceId, String name, String source, Instant createdAt) {
        return new WireItem("score", id).put("trace_id", traceId).put("name", name)
                .put("source", source).time("created_at", createdAt);
    }

    static WireItem session(String id, String userId, String agentId, Instant start, Instant end) {
        return new WireItem("session", id).put("user_id", userId).put("agent_id", agentId)
                .time("started_at", start).time("ended_at", end);
    }

    /** RFC 3339 UTC with millisecond precision, as most clients send it. */
    static String wireTime(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    String type() {
        return type;
    }

    String id() {
        return body.get("id").asString();
    }

    WireItem put(String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
        return this;
    }

    WireItem put(String field, long value) {
        body.put(field, value);
        return this;
    }

    WireItem put(String field, double value) {
        body.put(field, value);
        return this;
    }

    WireItem put(String field, boolean value) {
        body.put(field, value);
        return this;
    }

    WireItem time(String field, Instant value) {
        return put(field, value == null ? null : wireTime(value));
    }

    /** A JSON object field (metadata, attributes, context), filled by the caller. */
    ObjectNode object(String field) {
        return body.has(field) ? (ObjectNode) body.get(field) : body.putObject(field);
    }

    WireItem strings(String field, List<String> values) {
        ArrayNode array = body.putArray(field);
        values.forEach(array::add);
        return this;
    }

    WireItem failed(String error) {
        return put("status", "error").put("error", error);
    }

    /** Usage in the OpenTelemetry convention: input includes cache tokens, output includes reasoning. */
    WireItem usage(long input, long output, long cacheRead, long cacheWrite, long reasoning) {
        ObjectNode usage = object("usage");
        usage.put("input_tokens", input);
        usage.put("output_tokens", output);
        if (cacheRead > 0) {
            usage.put("cache_read_tokens", cacheRead);
        }
        if (cacheWrite > 0) {
            usage.put("cache_write_tokens", cacheWrite);
        }
        if (reasoning > 0) {
            usage.put("reasoning_tokens", reasoning);
        }
        return this;
    }

    WireItem decision(String point, String chosen, List<String> alternatives, String reasoning) {
        ObjectNode decision = object("decision");
        decision.put("point", point);
        decision.put("chosen", chosen);
        ArrayNode alts = decision.putArray("alternatives");
        alternatives.forEach(alts::add);
        decision.put("reasoning", reasoning);
        return this;
    }

    WireItem handoff(boolean triggered, String reason, String target) {
        ObjectNode handoff = object("handoff");
        handoff.put("triggered", triggered);
        if (reason != null) {
            handoff.put("reason", reason);
        }
        if (target != null) {
            handoff.put("target", target);
        }
        return this;
    }

    WireItem intent(String name, double confidence) {
        ArrayNode intents = body.has("intents") ? (ArrayNode) body.get("intents") : body.putArray("intents");
        intents.addObject().put("name", name).put("confidence", confidence);
        return this;
    }

    ObjectNode toJson() {
        ObjectNode item = JSON.createObjectNode();
        item.put("type", type);
        item.set("body", body);
        return item;
    }
}
