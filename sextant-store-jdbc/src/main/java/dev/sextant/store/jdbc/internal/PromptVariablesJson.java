package dev.sextant.store.jdbc.internal;

import dev.sextant.store.PromptVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A version's declared variables as a JSON array of {@code {name, description, required, default}}. */
final class PromptVariablesJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PromptVariablesJson() {}

    static String write(List<PromptVariable> variables) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PromptVariable v : variables) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", v.name());
            row.put("description", v.description());
            row.put("required", v.required());
            row.put("default", v.defaultValue());
            rows.add(row);
        }
        return MAPPER.writeValueAsString(rows);
    }

    static List<PromptVariable> read(String json) {
        List<PromptVariable> variables = new ArrayList<>();
        for (JsonNode row : MAPPER.readTree(json)) {
            variables.add(new PromptVariable(row.get("name").asString(), text(row.get("description")),
                    row.get("required").asBoolean(), text(row.get("default"))));
        }
        return variables;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
