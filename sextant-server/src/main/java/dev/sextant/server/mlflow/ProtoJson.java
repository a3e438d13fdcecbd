package dev.sextant.server.mlflow;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One MLflow request message read as protobuf's JSON mapping reads it: snake_case field names (or
 * lowerCamelCase), int64 as a number or a decimal string, a double as a number or "NaN",
 * "Infinity", "-Infinity"; a GET's query parameters are the same message with text values. A
 * wrong type is INVALID_PARAMETER_VALUE naming the field; a body that is no JSON object is BAD_REQUEST.
 */
record ProtoJson(JsonNode node, String path) {
    static final int MAX_BODY_BYTES = 1_048_576;

    static ProtoJson body(HttpServletRequest request, JsonMapper json) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new ProtoJson(json.createObjectNode(), "");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JacksonException e) {
            throw new MlflowException(ErrorCode.BAD_REQUEST, "the request body is not valid JSON: "
                    + firstLine(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new MlflowException(ErrorCode.BAD_REQUEST, "the request body must be a JSON object");
        }
        return new ProtoJson(node, "");
    }

    static ProtoJson query(HttpServletRequest request, JsonMapper json) {
        ObjectNode node = json.createObjectNode();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (e.getValue().length == 1) {
                node.put(e.getKey(), e.getValue()[0]);
            } else {
                node.putArray(e.getKey()).addAll(java.util.Arrays.stream(e.getValue())
                        .map(v -> (JsonNode) json.getNodeFactory().stringNode(v)).toList());
            }
        }
        return new ProtoJson(node, "");
    }

    private static MlflowException tooLarge() {
        return new MlflowException(ErrorCode.BAD_REQUEST, HttpStatus.CONTENT_TOO_LARGE,
                "the request body is over the limit of " + MAX_BODY_BYTES + " bytes");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private JsonNode field(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            value = node.get(camel(name));
        }
        return value == null || value.isNull() ? null : value;
    }

    private String name(String field) {
        return path + field;
    }

    /** A string field, or null when absent. */
    String text(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw MlflowException.invalid("Invalid value for parameter '" + name(field) + "': must be a string, was "
                    + kind(value));
        }
        return value.stringValue();
    }

    String required(String field) {
        String value = text(field);
        if (value == null || value.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter '" + name(field) + "'");
        }
        return value;
    }

    /** An int64 field (a whole number or its decimal text), or null when absent. */
    Long int64(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isString()) {
            try {
                return Long.parseLong(value.stringValue().strip());
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw MlflowException.invalid("Invalid value for parameter '" + name(field) + "': must be a 64-bit whole number,"
                + " was " + shown(value));
    }

    /** A double field (a number, its decimal text, "NaN", "Infinity" or "-Infinity"), or null when absent. */
    Double number(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isString()) {
            String text = value.stringValue().strip();
            switch (text) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        if (text.matches("-?[0-9.]+([eE][-+]?[0-9]+)?")) {
                            return Double.parseDouble(text);
                        }
                    } catch (NumberFormatException e) {
                        // below
                    }
            }
        }
        throw MlflowException.invalid("Invalid value for parameter '" + name(field) + "': must be a number, was "
                + shown(value));
    }

    /** A repeated message field: its entries, empty when absent. */
    List<ProtoJson> messages(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw MlflowException.invalid("Invalid value for parameter '" + name(field) + "': must be an array, was "
                    + kind(value));
        }
        List<ProtoJson> entries = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode entry = value.get(i);
            if (!entry.isObject()) {
                throw MlflowException.invalid("Invalid value for parameter '" + name(field) + "[" + i + "]': must be an"
                        + " object, was " + kind(entry));
            }
            entries.add(new ProtoJson(entry, name(field) + "[" + i + "]."));
        }
        return entries;
    }

    /** A repeated string field (a single string counts as one), empty when absent. */
    List<String> texts(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return List.of();
        }
        if (value.isString()) {
            return List.of(value.stringValue());
        }
        if (!value.isArray()) {
            throw MlflowException.invalid("Invalid value for parameter '" + name(field) + "': must be an array of"
                    + " strings, was " + kind(value));
        }
        List<String> texts = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isString()) {
                throw MlflowException.invalid("Invalid value for parameter '" + name(field) + "[" + i + "]': must be a"
                        + " string, was " + kind(value.get(i)));
            }
            texts.add(value.get(i).stringValue());
        }
        return texts;
    }

    private static String kind(JsonNode value) {
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return value.isString() ? "a string" : "something else";
    }

    private static String shown(JsonNode value) {
        if (value.isString()) {
            String text = value.stringValue();
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        return kind(value);
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
