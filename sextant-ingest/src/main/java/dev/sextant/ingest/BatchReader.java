package dev.sextant.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code {"batch": [...]}} as a stream: the byte limit holds while reading, the item
 * count is checked as items arrive, and each item becomes a tree for {@link ItemParser}.
 * Other top-level fields are skipped (forward compatible).
 */
final class BatchReader {
    private static final int MAX_NESTING_DEPTH = 64;
    private static final Pattern SOURCE = Pattern.compile(" ?\\(for \\w+ starting at \\[Source: [^\\]]*\\]\\)| ?\\[Source: [^\\]]*\\]");

    private final JsonMapper mapper;
    private final long maxBodyBytes;
    private final int maxItems;

    BatchReader(long maxBodyBytes, int maxItems) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxItems = maxItems;
        this.mapper = mapper(maxBodyBytes);
    }

    static JsonMapper mapper(long maxBodyBytes) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                // A string can be as long as the body: oversize fields are refused per item,
                // with the field's name, not as an unreadable body.
                .maxStringLength((int) Math.min(maxBodyBytes, Integer.MAX_VALUE - 16))
                .maxNumberLength(200)
                .maxNameLength(16_384)
                .build();
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    JsonMapper mapper() {
        return mapper;
    }

    List<JsonNode> read(InputStream body) {
        JsonParser parser = null;
        try {
            parser = mapper.createParser(new LimitedInputStream(body, maxBodyBytes));
            return readBody(parser);
        } catch (StreamConstraintsException e) {
            throw new MalformedBodyException("request body breaks a parser limit"
                    + at(parser == null ? null : parser.currentLocation()) + ": " + clean(e.getOriginalMessage()), e);
        } catch (JacksonException e) {
            throw new MalformedBodyException(describe(e), e);
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
    }

    private List<JsonNode> readBody(JsonParser parser) {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new MalformedBodyException("request body is empty; expected {\"batch\": [...]}");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new MalformedBodyException("request body must be a JSON object {\"batch\": [...]}, was "
                    + tokenName(first) + at(parser.currentTokenLocation()));
        }
        List<JsonNode> items = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!"batch".equals(name)) {
                parser.skipChildren();
            } else if (items != null) {
                throw new MalformedBodyException("\"batch\" appears twice" + at(parser.currentTokenLocation()));
            } else if (value != JsonToken.START_ARRAY) {
                throw new MalformedBodyException("\"batch\" must be an array of items, was "
                        + tokenName(value) + at(parser.currentTokenLocation()));
            } else {
                items = readItems(parser);
            }
        }
        if (items == null) {
            throw new MalformedBodyException("request body has no \"batch\" array; expected {\"batch\": [...]}");
        }
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new MalformedBodyException("request body has content after its JSON object"
                    + at(parser.currentTokenLocation()));
        }
        return items;
    }

    private List<JsonNode> readItems(JsonParser parser) {
        List<JsonNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (items.size() == maxItems) {
                throw new MalformedBodyException("\"batch\" has more than " + maxItems
                        + " items" + at(parser.currentTokenLocation()) + "; split it into smaller batches");
            }
            items.add(parser.readValueAsTree());
        }
        return items;
    }

    private static String describe(JacksonException e) {
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Non-standard token")) {
            String token = original.substring(original.indexOf('\'') + 1, original.indexOf('\'', original.indexOf('\'') + 1));
            return "request body is not valid JSON" + at(e.getLocation()) + ": " + token
                    + " is not a JSON number; JSON has no NaN or Infinity: send null or leave the field out";
        }
        return "request body is not valid JSON" + at(e.getLocation()) + ": " + clean(original);
    }

    /** Jackson's message without its source description, which says nothing to a client. */
    private static String clean(String message) {
        return message == null ? "" : SOURCE.matcher(message).replaceAll("");
    }

    static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String tokenName(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
