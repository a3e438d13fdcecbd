package dev.sextant.ingest.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON side shared by the trainer_state.json and JSON Lines readers: a parser that accepts
 * Python's bare {@code NaN}, {@code Infinity} and {@code -Infinity}, and readers of steps,
 * epochs, values and times that say why a value does not fit.
 */
final class ImportJson {
    private static final int MAX_NESTING_DEPTH = 64;

    private ImportJson() {
    }

    static JsonMapper mapper(ImportLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(limits.maxLineBytes())
                .maxNameLength(Math.min(limits.maxLineBytes(), 16_384))
                .maxNumberLength(400)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        return JsonMapper.builder(factory).build();
    }

    /** A reason when a node is not a step, else null; {@link #step} then reads it. */
    static String invalidStep(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "step is missing";
        }
        if (!node.isNumber()) {
            return "step must be a whole number, was " + kind(node);
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                return "step is too large, was " + node;
            }
            return node.longValue() < 0 ? "step must not be negative, was " + node.longValue() : null;
        }
        return Values.invalidStep(node.doubleValue());
    }

    static long step(JsonNode node) {
        return node.isIntegralNumber() ? node.longValue() : (long) node.doubleValue();
    }

    /**
     * The epoch of an entry or line, or null when it has none or a bad one (reported at
     * {@code pointer}, the rest of the entry is kept).
     */
    static Double epoch(JsonNode node, Long line, String pointer, String kept, ImportCollector out) {
        if (node == null || node.isNull()) {
            return null;
        }
        String bad = node.isNumber() ? Values.invalidEpoch(node.doubleValue()) : "epoch must be a number, was " + kind(node);
        if (bad != null) {
            out.problem(ImportProblem.at(line, pointer, bad + "; " + kept));
            return null;
        }
        return node.doubleValue();
    }

    /** A time from a JSON string (RFC 3339) or number (Unix seconds), or null when neither. */
    static Instant time(JsonNode node) {
        if (node.isNumber()) {
            return Values.epochSeconds(node.doubleValue());
        }
        return node.isString() ? Values.rfc3339(node.stringValue()) : null;
    }

    /** What a JSON value is, for messages: "a string 'x'", "an object", "true". */
    static String kind(JsonNode node) {
        if (node.isString()) {
            return "a string " + Values.quoted(node.stringValue());
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.toString();
    }

    /** A JSON pointer token: {@code ~} and {@code /} escaped (RFC 6901). */
    static String token(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Jackson's message for a person: without its source description, with line and column. */
    static String describe(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int cut = message.indexOf(" (for ");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        // A parser limit names the Java method that sets it; the limit itself is what matters.
        message = message.replaceAll(", from `[^`]*`", "");
        return message + at(e.getLocation());
    }

    static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A JSON value as plain Java (Map, List, String, Number, Boolean, null). */
    static Object plain(JsonNode value) {
        if (value.isNumber()) {
            return value.isIntegralNumber() && value.canConvertToLong() ? (Object) value.longValue() : (Object) value.doubleValue();
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.properties().forEach(p -> map.put(p.getKey(), plain(p.getValue())));
            return Collections.unmodifiableMap(map);
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.forEach(v -> list.add(plain(v)));
            return Collections.unmodifiableList(list);
        }
        return null;
    }
}
