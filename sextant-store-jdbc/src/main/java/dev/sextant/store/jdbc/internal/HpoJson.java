package dev.sextant.store.jdbc.internal;

import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoParameterType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A study's search space and a trial's hyperparameters to and from JSON text. Whole numbers read
 * back as {@code Long} and others as {@code Double}, so values round-trip with their type.
 */
final class HpoJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();
    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {};
    private static final TypeReference<List<LinkedHashMap<String, Object>>> PARAMETERS = new TypeReference<>() {};

    private HpoJson() {}

    static String values(Map<String, Object> values) {
        return values == null ? null : MAPPER.writeValueAsString(values);
    }

    static Map<String, Object> values(String json) {
        return json == null ? null : MAPPER.readValue(json, VALUES);
    }

    static String space(List<HpoParameter> parameters) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (HpoParameter p : parameters) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("type", p.type().wire());
            m.put("low", p.low());
            m.put("high", p.high());
            m.put("log", p.log());
            m.put("values", p.values());
            out.add(m);
        }
        return MAPPER.writeValueAsString(out);
    }

    @SuppressWarnings("unchecked")
    static List<HpoParameter> space(String json) {
        List<HpoParameter> out = new ArrayList<>();
        for (Map<String, Object> m : MAPPER.readValue(json, PARAMETERS)) {
            out.add(new HpoParameter((String) m.get("name"), HpoParameterType.fromWire((String) m.get("type")).orElseThrow(),
                    number(m.get("low")), number(m.get("high")), Boolean.TRUE.equals(m.get("log")),
                    (List<Object>) m.get("values")));
        }
        return out;
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
