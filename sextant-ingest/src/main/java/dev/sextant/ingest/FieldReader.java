package dev.sextant.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the typed fields of one JSON object of an item. Each getter returns null when the
 * field is absent or JSON null ("not sent") and also when it is invalid, after recording
 * a problem that names the field by its path (e.g. {@code usage.input_tokens}).
 */
final class FieldReader {
    private final JsonNode node;
    private final String path;
    private final Problems problems;
    private final JsonMapper mapper;

    FieldReader(JsonNode node, String path, Problems problems, JsonMapper mapper) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.mapper = mapper;
    }

    Problems problems() {
        return problems;
    }

    /** An id: a string of 1-256 characters, not blank, without control characters. */
    String id(String field, boolean required) {
        JsonNode value = value(field);
        if (value == null) {
            if (required) {
                problems.add(pathOf(field) + " is missing");
            }
            return null;
        }
        if (!value.isString()) {
            problems.add(pathOf(field) + " must be a string, was " + describe(value));
            return null;
        }
        return checkId(pathOf(field), value.stringValue(), problems);
    }

    static String checkId(String name, String id, Problems problems) {
        if (id.isBlank()) {
            problems.add(name + " must not be blank");
            return null;
        }
        if (id.length() > FieldLimits.ID) {
            problems.add(name + " is " + id.length() + " characters long, over the limit of " + FieldLimits.ID);
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                problems.add(name + " contains the control character " + codePoint(c) + " at position " + i
                        + "; ids must be printable");
                return null;
            }
        }
        return id;
    }

    /** A short string such as a name or model: at most 1024 characters. */
    String name(String field) {
        return string(field, FieldLimits.NAME);
    }

    /** A plain string of at most {@code limit} characters. */
    String string(String field, int limit) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            problems.add(pathOf(field) + " must be a string, was " + describe(value));
            return null;
        }
        return checkText(pathOf(field), value.stringValue(), limit);
    }

    /** Free text (input, output, error...): a string kept as is, or any JSON kept as compact JSON. */
    String text(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        String text = value.isString() ? value.stringValue() : compact(value);
        return checkText(pathOf(field), text, FieldLimits.TEXT);
    }

    /**
     * A JSON document (metadata, attributes, context) as compact JSON text. A string holding
     * JSON is that JSON; any other string is kept as a JSON string, so the column stays JSON.
     */
    String json(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        String text;
        if (value.isString()) {
            String raw = value.stringValue();
            text = raw.length() > FieldLimits.JSON ? raw : compactOrQuoted(raw);
        } else {
            text = compact(value);
        }
        if (text.length() > FieldLimits.JSON) {
            problems.add(pathOf(field) + " is " + text.length() + " characters long as JSON, over the limit of "
                    + FieldLimits.JSON + " (256 KiB)");
            return null;
        }
        if (text.contains("\\u0000")) {
            problems.add(pathOf(field) + " contains a NUL character (\\u0000), which PostgreSQL cannot store; remove it");
            return null;
        }
        return text;
    }

    /** An RFC 3339 timestamp with an offset, normalised to UTC. */
    Instant time(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        String expected = " must be an RFC 3339 timestamp with an offset, such as 2026-11-01T10:00:00Z, was ";
        if (!value.isString()) {
            problems.add(pathOf(field) + expected + describe(value));
            return null;
        }
        String text = value.stringValue();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(pathOf(field) + expected + describe(value) + (isLocal(text) ? " (no offset: add Z for UTC)" : ""));
            return null;
        }
    }

    /** A token count: a non-negative JSON integer. */
    Long tokens(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            problems.add(pathOf(field) + " must be a non-negative integer, was " + describe(value));
            return null;
        }
        return value.longValue();
    }

    Integer nonNegativeInt(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            problems.add(pathOf(field) + " must be a non-negative integer below 2^31, was " + describe(value));
            return null;
        }
        return value.intValue();
    }

    /** A confidence or probability: a number from 0 to 1. */
    Double unitInterval(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !(value.doubleValue() >= 0 && value.doubleValue() <= 1)) {
            problems.add(pathOf(field) + " must be a number from 0 to 1, was " + describe(value));
            return null;
        }
        return value.doubleValue();
    }

    Boolean bool(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problems.add(pathOf(field) + " must be true or false, was " + describe(value));
            return null;
        }
        return value.booleanValue();
    }

    /** US dollars: a non-negative number or decimal string. */
    BigDecimal money(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        BigDecimal amount = null;
        if (value.isNumber()) {
            amount = value.decimalValue();
        } else if (value.isString() && value.stringValue().length() <= 64) {
            try {
                amount = new BigDecimal(value.stringValue().strip());
            } catch (NumberFormatException e) {
                amount = null;
            }
        }
        if (amount == null || amount.signum() < 0 || Math.abs(amount.scale()) > 30) {
            problems.add(pathOf(field) + " must be a non-negative amount of US dollars (a number or a decimal string "
                    + "such as \"0.0042\"), was " + describe(value));
            return null;
        }
        return amount;
    }

    /** One of a fixed set of words; {@code allowed} lists them for the message. */
    <E> E oneOf(String field, Function<String, Optional<E>> lookup, String allowed) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        Optional<E> found = value.isString() ? lookup.apply(value.stringValue()) : Optional.empty();
        if (found.isEmpty()) {
            problems.add(value.isString()
                    ? pathOf(field) + " \"" + shorten(value.stringValue()) + "\" is not one of " + allowed
                    : pathOf(field) + " must be one of " + allowed + ", was " + describe(value));
            return null;
        }
        return found.get();
    }

    /** A nested object, read by its own reader; null when absent or not an object. */
    FieldReader object(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problems.add(pathOf(field) + " must be an object, was " + describe(value));
            return null;
        }
        return new FieldReader(value, pathOf(field) + ".", problems, mapper);
    }

    /** An array of objects, each with its own reader. */
    List<FieldReader> objects(String field) {
        JsonNode value = array(field);
        if (value == null) {
            return null;
        }
        List<FieldReader> readers = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementName = pathOf(field) + "[" + i + "]";
            if (!element.isObject()) {
                problems.add(elementName + " must be an object, was " + describe(element));
            } else {
                readers.add(new FieldReader(element, elementName + ".", problems, mapper));
            }
        }
        return readers;
    }

    /** An array of short strings (tags, alternatives). */
    List<String> names(String field) {
        JsonNode value = array(field);
        if (value == null) {
            return null;
        }
        List<String> names = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementName = pathOf(field) + "[" + i + "]";
            if (!element.isString()) {
                problems.add(elementName + " must be a string, was " + describe(element));
            } else {
                String checked = checkText(elementName, element.stringValue(), FieldLimits.NAME);
                if (checked != null) {
                    names.add(checked);
                }
            }
        }
        return names;
    }

    /** The raw value of a field, for reads with rules of their own; null when absent or JSON null. */
    JsonNode value(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    String pathOf(String field) {
        return path.isEmpty() ? field : path + field;
    }

    private JsonNode array(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problems.add(pathOf(field) + " must be an array, was " + describe(value));
            return null;
        }
        return value;
    }

    private String checkText(String name, String text, int limit) {
        if (text.length() > limit) {
            problems.add(name + " is " + text.length() + " characters long, over the limit of " + limit);
            return null;
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            problems.add(name + " contains a NUL character (\\u0000) at position " + nul
                    + ", which PostgreSQL cannot store; remove it");
            return null;
        }
        return text;
    }

    private String compact(JsonNode value) {
        return value.toString();
    }

    private String compactOrQuoted(String raw) {
        String trimmed = raw.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return compact(mapper.readTree(trimmed));
            } catch (JacksonException e) {
                // not JSON after all: kept as a JSON string below
            }
        }
        return compact(mapper.getNodeFactory().stringNode(raw));
    }

    private static boolean isLocal(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String describe(JsonNode value) {
        if (value.isString()) {
            return "the string \"" + shorten(value.stringValue()) + "\"";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return shorten(value.toString());
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
