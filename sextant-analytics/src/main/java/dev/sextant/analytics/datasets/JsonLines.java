package dev.sextant.analytics.datasets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON Lines line to a {@link DatasetRecord}. The line's own shape (which keys it has) decides
 * how its text is read; the dataset's format decides which fields completeness looks for, so a
 * prompt/completion line in a chat dataset is a format mismatch with {@code messages} missing.
 */
final class JsonLines {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLines() {}

    /** Thrown for a line that is not a JSON object; the message is the reason reported. */
    static final class NotARecord extends Exception {
        private static final long serialVersionUID = 1L;

        NotARecord(String reason) {
            super(reason, null, false, false);
        }
    }

    static JsonNode parse(String line) throws NotARecord {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            // the parser's own message quotes the offending text, which may be personal data: say where, not what
            String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (why.contains("end-of-input")) {
                throw new NotARecord("not valid JSON: the line ends inside a value");
            }
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            throw new NotARecord("not valid JSON" + (column > 0 ? " at column " + column : ""));
        }
        if (node == null || node.isMissingNode()) {
            throw new NotARecord("not valid JSON: no value");
        }
        if (!node.isObject()) {
            throw new NotARecord("not a JSON object (a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return node;
    }

    /** The format the object's keys say, or null when they say none. */
    static DatasetFormat shape(JsonNode o) {
        if (o.has("messages")) {
            return DatasetFormat.CHAT;
        }
        if (o.has("prompt") || o.has("completion")) {
            return DatasetFormat.PROMPT_COMPLETION;
        }
        if (o.has("text") || o.has("label")) {
            return DatasetFormat.TEXT_LABEL;
        }
        return null;
    }

    static DatasetRecord record(long line, JsonNode o, DatasetFormat format) {
        DatasetFormat shape = shape(o);
        Map<String, String> fields = fields(o, format == null ? shape : format);
        String schema = String.join(",", new java.util.TreeSet<>(o.propertyNames()));
        return switch (shape == null ? DatasetFormat.CSV : shape) {
            case CHAT -> chat(line, o, fields, schema);
            case PROMPT_COMPLETION -> new DatasetRecord(line, shape, text(o.get("prompt")), text(o.get("completion")), null,
                    fields, null, schema);
            case TEXT_LABEL -> new DatasetRecord(line, shape, text(o.get("text")), null, text(o.get("label")), fields, null,
                    schema);
            case CSV -> new DatasetRecord(line, null, "", null, null, fields, null, schema);
        };
    }

    private static Map<String, String> fields(JsonNode o, DatasetFormat format) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (format == null) {
            return fields;
        }
        switch (format) {
            case CHAT -> {
                JsonNode messages = o.get("messages");
                boolean list = messages != null && messages.isArray();
                fields.put("messages", !list ? null : messages.isEmpty() ? "" : "present");
                String role = list ? "present" : null;
                String content = list ? "present" : null;
                if (list) {
                    for (JsonNode m : messages) {
                        role = worst(role, text(m.get("role")));
                        content = worst(content, text(m.get("content")));
                    }
                }
                fields.put("messages[].role", role);
                fields.put("messages[].content", content);
            }
            case PROMPT_COMPLETION -> {
                fields.put("prompt", text(o.get("prompt")));
                fields.put("completion", text(o.get("completion")));
            }
            case TEXT_LABEL -> {
                fields.put("text", text(o.get("text")));
                fields.put("label", text(o.get("label")));
            }
            case CSV -> { }
        }
        return fields;
    }

    /** Missing beats empty beats present. */
    private static String worst(String so, String next) {
        if (so == null || next == null) {
            return null;
        }
        return so.isBlank() || next.isBlank() ? "" : so;
    }

    private static DatasetRecord chat(long line, JsonNode o, Map<String, String> fields, String schema) {
        JsonNode messages = o.get("messages");
        List<String> roles = new ArrayList<>();
        StringBuilder input = new StringBuilder();
        StringBuilder output = new StringBuilder();
        if (messages != null && messages.isArray()) {
            for (JsonNode m : messages) {
                String role = text(m.get("role"));
                roles.add(role);
                String content = text(m.get("content"));
                StringBuilder to = "assistant".equals(role) ? output : input;
                if (content != null && !content.isEmpty()) {
                    to.append(to.isEmpty() ? "" : "\n").append(content);
                }
            }
        }
        return new DatasetRecord(line, DatasetFormat.CHAT, input.toString(), output.toString(), null, fields, roles, schema);
    }

    /** A field's text: strings as they are, numbers and booleans as written, content parts joined; null when absent or null. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode part : node) {
                String t = part.isObject() ? text(part.get("text")) : text(part);
                if (t != null) {
                    joined.append(joined.isEmpty() ? "" : "\n").append(t);
                }
            }
            return joined.toString();
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
