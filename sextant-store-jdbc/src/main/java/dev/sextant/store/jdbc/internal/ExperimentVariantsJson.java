package dev.sextant.store.jdbc.internal;

import dev.sextant.store.ExperimentSpec.Variant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** An experiment's variants to and from the JSON text of the {@code variants} column, in their order. */
final class ExperimentVariantsJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

    private ExperimentVariantsJson() {}

    static String write(List<Variant> variants) {
        return MAPPER.writeValueAsString(variants.stream().map(v -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", v.id());
            row.put("name", v.name());
            row.put("configuration_version", v.configurationVersion());
            row.put("allocation", v.allocation());
            row.put("control", v.control());
            return row;
        }).toList());
    }

    static List<Variant> read(String json) {
        return MAPPER.readValue(json, ROWS).stream().map(row -> new Variant((String) row.get("id"),
                (String) row.get("name"), (String) row.get("configuration_version"),
                ((Number) row.get("allocation")).intValue(), Boolean.TRUE.equals(row.get("control")))).toList();
    }
}
