package dev.sextant.store.jdbc.internal;

import dev.sextant.model.Intent;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The structured JSON columns (intents, tags, decision alternatives) to and from text. */
final class JsonCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<Intent>> INTENTS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private JsonCodec() {}

    static String write(Object value) {
        return value == null ? null : MAPPER.writeValueAsString(value);
    }

    static List<Intent> intents(String json) {
        return json == null ? null : MAPPER.readValue(json, INTENTS);
    }

    static List<String> strings(String json) {
        return json == null ? null : MAPPER.readValue(json, STRINGS);
    }
}
