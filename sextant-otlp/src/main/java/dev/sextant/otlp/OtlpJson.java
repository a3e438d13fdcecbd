package dev.sextant.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.sextant.ingest.MalformedBodyException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OTLP JSON → {@link ExportTraceServiceRequest}. OTLP JSON is proto3 JSON except that trace and
 * span ids are hex strings, not base64 (protobuf's {@link JsonFormat} would decode them as
 * base64 and get them wrong: opentelemetry-java#5785). So the ids are rewritten first: hex → the
 * base64 {@link JsonFormat} expects; a value that is not hex but base64 of 16 or 8 bytes is kept
 * (some exporters send that); anything else becomes empty, and the mapper refuses that one span.
 * JsonFormat then handles what the spec allows: lowerCamelCase or snake_case keys, integer
 * enums, 64-bit integers as strings or numbers, unknown fields ignored.
 */
final class OtlpJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final String[] ID_FIELDS = {"traceId", "trace_id", "spanId", "span_id", "parentSpanId", "parent_span_id"};

    private OtlpJson() {}

    static ExportTraceServiceRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedBodyException("the body is not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedBodyException("the body must be a JSON object (an ExportTraceServiceRequest)");
        }
        for (JsonNode resourceSpans : children(root, "resourceSpans", "resource_spans")) {
            for (JsonNode scopeSpans : children(resourceSpans, "scopeSpans", "scope_spans")) {
                for (JsonNode span : children(scopeSpans, "spans", "spans")) {
                    rewriteIds(span);
                    for (JsonNode link : children(span, "links", "links")) {
                        rewriteIds(link);
                    }
                }
            }
        }
        ExportTraceServiceRequest.Builder builder = ExportTraceServiceRequest.newBuilder();
        try {
            PARSER.merge(JSON.writeValueAsString(root), builder);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new MalformedBodyException("the body is not an OTLP JSON ExportTraceServiceRequest ("
                    + e.getMessage() + ")", e);
        }
        return builder.build();
    }

    private static Iterable<JsonNode> children(JsonNode node, String camel, String snake) {
        if (!node.isObject()) {
            return java.util.List.of();
        }
        JsonNode array = node.has(camel) ? node.get(camel) : node.get(snake);
        return array != null && array.isArray() ? array : java.util.List.of();
    }

    private static void rewriteIds(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (String field : ID_FIELDS) {
            JsonNode value = object.get(field);
            if (value != null && value.isString()) {
                object.put(field, base64(value.stringValue()));
            }
        }
    }

    /** A hex id as base64; a base64 id of 16 or 8 bytes kept; anything else empty (the span is refused later). */
    static String base64(String id) {
        if (id.length() % 2 == 0) {
            try {
                return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(id));
            } catch (IllegalArgumentException notHex) {
                // fall through to base64
            }
        }
        try {
            int length = Base64.getDecoder().decode(id).length;
            return length == 16 || length == 8 ? id : "";
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }
}
