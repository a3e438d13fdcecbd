package dev.sextant.server.configurations;

import dev.sextant.store.ChangeDiff;
import dev.sextant.store.ParameterChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parameter-by-parameter changes between two contents: both are flattened to leaves (objects are
 * walked, arrays and scalars are leaves) keyed by dotted path ({@code behaviour.temperature}),
 * and every path whose value differs is one change, sorted by path, rated by {@link ImpactRules}.
 */
final class ParameterDiff implements ChangeDiff {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public List<ParameterChange> between(String from, String to) {
        Map<String, JsonNode> before = from == null ? Map.of() : leaves(JSON.readTree(from));
        Map<String, JsonNode> after = leaves(JSON.readTree(to));
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<ParameterChange> changes = new ArrayList<>();
        for (String path : paths) {
            JsonNode old = before.get(path);
            JsonNode now = after.get(path);
            if (!Objects.equals(old, now)) {
                changes.add(new ParameterChange(path, old == null ? null : JSON.writeValueAsString(old),
                        now == null ? null : JSON.writeValueAsString(now), ImpactRules.impact(path, old, now)));
            }
        }
        return changes;
    }

    static Map<String, JsonNode> leaves(JsonNode content) {
        Map<String, JsonNode> out = new TreeMap<>();
        walk("", content, out);
        return out;
    }

    private static void walk(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                walk(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (!prefix.isEmpty()) {
            out.put(prefix, node);
        }
    }
}
