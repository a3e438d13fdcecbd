package dev.sextant.server.hpo;

import dev.sextant.server.web.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Hyperparameter values as posted (JSON scalars) to Java values: String, Long, Double or Boolean. */
final class JsonValues {
    private JsonValues() {}

    /** The value, or null after adding a problem at {@code pointer} when it is not a string, number or boolean. */
    static Object scalar(JsonNode node, String field, String pointer, List<FieldProblem> problems) {
        if (node != null && node.isString()) {
            return node.asString();
        }
        if (node != null && node.isBoolean()) {
            return node.booleanValue();
        }
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node != null && node.isNumber()) {
            return node.doubleValue();
        }
        problems.add(FieldProblem.at(field, pointer, field + " must be a string, number or boolean, was "
                + (node == null ? "null" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT))));
        return null;
    }

    /** Every value of an object of hyperparameters; problems for those that are not scalars. */
    static Map<String, Object> values(Map<String, JsonNode> given, String field, String pointer, List<FieldProblem> problems) {
        Map<String, Object> out = new LinkedHashMap<>();
        given.forEach((name, node) -> {
            Object v = scalar(node, field + "." + StudyBody.shorten(name), pointer + "/" + escape(name), problems);
            if (v != null) {
                out.put(name, v);
            }
        });
        return out;
    }

    /** A JSON Pointer reference token (RFC 6901): '~' as ~0, '/' as ~1. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
