package dev.sextant.server.interactions;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * Stored JSON text (metadata, attributes) back to a JSON value for the answer, so clients get
 * an object rather than a string to parse again. Text that is not JSON is returned as a string.
 */
final class JsonText {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonText() {}

    static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return StringNode.valueOf(text);
        }
    }
}
