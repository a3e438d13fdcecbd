package dev.sextant.server.configperf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored configuration content (a JSON object text) as the configuration analytics read it:
 * its parameters (every leaf outside {@code workflow}, by dotted path; objects are walked, arrays
 * and scalars are one parameter, as the customization events name them), its workflow steps, and
 * its {@code behaviour} settings as plain values (numbers, text and booleans) for parameter impact.
 */
record ContentShape(Map<String, JsonNode> parameters, List<JsonNode> steps, Map<String, Object> behaviour) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ContentShape of(String content) {
        JsonNode root = JSON.readTree(content);
        Map<String, JsonNode> parameters = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!e.getKey().equals("workflow")) {
                walk(e.getKey(), e.getValue(), parameters);
            }
        }
        List<JsonNode> steps = new ArrayList<>();
        root.path("workflow").path("steps").forEach(steps::add);
        Map<String, Object> behaviour = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("behaviour").properties()) {
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                behaviour.put(e.getKey(), v.doubleValue());
            } else if (v.isString()) {
                behaviour.put(e.getKey(), v.asString());
            } else if (v.isBoolean()) {
                behaviour.put(e.getKey(), v.asBoolean());
            }
        }
        return new ContentShape(parameters, steps, behaviour);
    }

    private static void walk(String path, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                walk(path + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(path, node);
        }
    }
}
