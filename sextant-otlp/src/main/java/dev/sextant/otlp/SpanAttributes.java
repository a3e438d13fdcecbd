package dev.sextant.otlp;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A span's attributes with its resource's as fallback. Every attribute that a mapping reads is
 * marked used; {@link #rest()} is what no mapping took, kept in the span's attributes JSON.
 * Values of the wrong type are problems of the span, collected in {@link SpanProblems}.
 */
final class SpanAttributes {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> span;
    private final Map<String, Object> resource;
    private final SpanProblems problems;
    private final java.util.Set<String> used = new java.util.HashSet<>();

    SpanAttributes(Map<String, Object> span, Map<String, Object> resource, SpanProblems problems) {
        this.span = span;
        this.resource = resource;
        this.problems = problems;
    }

    /** The value of the first key present (span first, then resource), or null. */
    Object raw(String... keys) {
        for (String key : keys) {
            used.add(key);
        }
        for (String key : keys) {
            Object v = span.get(key);
            if (v != null) {
                return v;
            }
        }
        for (String key : keys) {
            Object v = resource.get(key);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    boolean has(String key) {
        return span.get(key) != null || resource.get(key) != null;
    }

    /** A text value; numbers and booleans as their text, structured values as compact JSON. */
    String string(String... keys) {
        Object v = raw(keys);
        if (v == null) {
            return null;
        }
        return v instanceof String s ? s : JSON.writeValueAsString(v);
    }

    /** A whole, non-negative number (int, integral double, or digits as a string); null when absent. */
    Long count(String... keys) {
        Object v = raw(keys);
        if (v == null) {
            return null;
        }
        Long n = switch (v) {
            case Long l -> l;
            case Double d when d == Math.rint(d) && !d.isInfinite() -> d.longValue();
            case String s when s.trim().matches("-?\\d{1,18}") -> Long.parseLong(s.trim());
            default -> null;
        };
        if (n == null || n < 0) {
            problems.add(keys[0] + " must be a non-negative whole number, was " + v);
            return null;
        }
        return n;
    }

    BigDecimal money(String... keys) {
        Object v = raw(keys);
        if (v == null) {
            return null;
        }
        BigDecimal m = switch (v) {
            case Long l -> BigDecimal.valueOf(l);
            case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
            case String s -> parseDecimal(s);
            default -> null;
        };
        if (m == null || m.signum() < 0) {
            problems.add(keys[0] + " must be a non-negative number of USD, was " + v);
            return null;
        }
        return m;
    }

    Double unitInterval(String... keys) {
        Object v = raw(keys);
        if (v == null) {
            return null;
        }
        Double d = switch (v) {
            case Double x -> x;
            case Long l -> l.doubleValue();
            case String s -> Optional.ofNullable(parseDecimal(s)).map(BigDecimal::doubleValue).orElse(null);
            default -> null;
        };
        if (d == null || !(d >= 0 && d <= 1)) {
            problems.add(keys[0] + " must be a number from 0 to 1, was " + v);
            return null;
        }
        return d;
    }

    Boolean bool(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        problems.add(key + " must be a boolean, was " + v);
        return null;
    }

    /** A structured value, or a string holding JSON, as a tree; null when absent or not JSON. */
    JsonNode tree(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            try {
                return JSON.readTree(s);
            } catch (JacksonException e) {
                return null;
            }
        }
        return JSON.valueToTree(v);
    }

    /** A list of strings: an array value, a JSON array in a string, or comma-separated text. */
    List<String> strings(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        JsonNode node = tree(key);
        if (node != null && node.isArray()) {
            return node.valueStream().map(n -> n.isString() ? n.stringValue() : n.toString()).toList();
        }
        return List.of(String.valueOf(v).split("\\s*,\\s*"));
    }

    /** The span's attributes whose key starts with {@code prefix} (marked used), in their order. */
    Map<String, Object> withPrefix(String prefix) {
        Map<String, Object> found = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : span.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                found.put(e.getKey(), e.getValue());
                used.add(e.getKey());
            }
        }
        return found;
    }

    /** The span's attributes that no mapping read, in their order. */
    Map<String, Object> rest() {
        Map<String, Object> rest = new LinkedHashMap<>(span);
        rest.keySet().removeAll(used);
        return rest;
    }

    private static BigDecimal parseDecimal(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
