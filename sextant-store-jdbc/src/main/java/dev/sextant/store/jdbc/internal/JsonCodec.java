package dev.sextant.store.jdbc.internal;

import dev.sextant.model.Intent;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The structured JSON columns (intents, tags, decision alternatives) to and from text. */
final class JsonCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<Intent>> INTENTS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<java.util.Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private JsonCodec() {}

    static String write(Object value) {
        return value == null ? null : MAPPER.writeValueAsString(value);
    }

    /**
     * Whether the text is exactly one JSON value. A cheap check in Java for rows that bypass
     * the database's own cast to JSON; a text it refuses goes the way that casts (and fails there).
     */
    static boolean isValid(String json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    static List<Intent> intents(String json) {
        return json == null ? null : MAPPER.readValue(json, INTENTS);
    }

    static List<String> strings(String json) {
        return json == null ? null : MAPPER.readValue(json, STRINGS);
    }

    static java.util.Map<String, String> stringMap(String json) {
        return json == null ? null : MAPPER.readValue(json, STRING_MAP);
    }
}
