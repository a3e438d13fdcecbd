package dev.sextant.sdk.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** Writes the optional fields of a body: a null value writes nothing, so the server keeps its default. */
final class Json {
    private Json() {}

    static void string(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.writeName(name);
            json.writeString(value);
        }
    }

    static void time(JsonGenerator json, String name, Instant value) {
        if (value != null) {
            json.writeName(name);
            json.writeString(value.toString());
        }
    }

    static void number(JsonGenerator json, String name, Double value) {
        if (value != null) {
            json.writeName(name);
            json.writeNumber(value);
        }
    }

    static void money(JsonGenerator json, String name, BigDecimal value) {
        if (value != null) {
            json.writeName(name);
            json.writeNumber(value);
        }
    }

    static void strings(JsonGenerator json, String name, Collection<String> values) {
        if (values != null) {
            json.writeName(name);
            json.writeStartArray();
            for (String v : values) {
                json.writeString(v);
            }
            json.writeEndArray();
        }
    }

    /** {@code input}/{@code output}: a string is sent as is, anything else as a JSON value. */
    static void value(JsonGenerator json, String name, Object value) {
        if (value != null) {
            json.writeName(name);
            any(json, value);
        }
    }

    /** Strings, numbers, booleans, maps with string keys, collections and arrays; anything else as its {@code toString()}. */
    static void any(JsonGenerator json, Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            json.writeNumber(n.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeName(String.valueOf(e.getKey()));
                any(json, e.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object o : list) {
                any(json, o);
            }
            json.writeEndArray();
        } else if (value instanceof Object[] array) {
            json.writeStartArray();
            for (Object o : array) {
                any(json, o);
            }
            json.writeEndArray();
        } else {
            json.writeString(String.valueOf(value));
        }
    }
}
