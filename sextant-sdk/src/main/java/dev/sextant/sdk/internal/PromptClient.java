package dev.sextant.sdk.internal;

import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code GET /api/v1/prompt-templates/{id}} (with {@code If-None-Match}) and
 * {@code POST .../render} on the caller's thread, bounded by the request timeout. Rendering is
 * the server's: the SDK carries no template library. Never throws: a failure is an answer with
 * an error.
 */
public final class PromptClient {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final URI base;
    private final ApiExchange api;

    /** The production version of a template; {@code notModified} when the ETag still holds. */
    public record Fetched(String templateId, Integer version, String text, List<String> variables, String etag,
            boolean notModified, String error) {}

    public record Rendered(String templateId, Integer version, String text, String error) {}

    public PromptClient(ExportSettings settings) {
        this.api = new ApiExchange(settings);
        this.base = api.resolve("prompt-templates/");
    }

    public Fetched fetch(String templateId, String etag) {
        ApiExchange.Result answer = api.get(uri(templateId, ""), etag);
        if (answer.error() != null) {
            return new Fetched(templateId, null, null, List.of(), null, false, answer.error());
        }
        if (answer.status() == 304) {
            return new Fetched(templateId, null, null, List.of(), etag, true, null);
        }
        if (answer.status() != 200) {
            return new Fetched(templateId, null, null, List.of(), null, false, answer.statusError());
        }
        return readTemplate(templateId, answer.body(), answer.etag());
    }

    public Rendered render(String templateId, Integer version, Map<String, ?> variables) {
        URI uri = uri(templateId, "/render");
        StringWriter body = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), body)) {
            json.writeStartObject();
            if (version != null) {
                json.writeName("version");
                json.writeNumber(version);
            }
            json.writeName("variables");
            Json.any(json, variables == null ? Map.of() : variables);
            json.writeEndObject();
        }
        ApiExchange.Result answer = api.post(uri, body.toString());
        if (answer.error() != null) {
            return new Rendered(templateId, version, null, answer.error());
        }
        if (answer.status() != 200) {
            return new Rendered(templateId, version, null, answer.statusError());
        }
        String text = null;
        Integer rendered = null;
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), answer.body())) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("text".equals(name) && value == JsonToken.VALUE_STRING) {
                        text = p.getString();
                    } else if ("version".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                        rendered = p.getIntValue();
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (JacksonException e) {
            return new Rendered(templateId, version, null, "the render answer is not readable JSON: "
                    + ApiExchange.shorten(e.getOriginalMessage()));
        }
        return text == null ? new Rendered(templateId, version, null, "the render answer has no text")
                : new Rendered(templateId, rendered, text, null);
    }

    /** Reads {@code id} and {@code production.version|text|variables[].name}; other fields are skipped. */
    static Fetched readTemplate(String templateId, byte[] body, String etag) {
        Integer version = null;
        String text = null;
        List<String> variables = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Fetched(templateId, null, null, List.of(), null, false, "the template answer is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"production".equals(name) || value != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("version".equals(field) && v == JsonToken.VALUE_NUMBER_INT) {
                        version = p.getIntValue();
                    } else if ("text".equals(field) && v == JsonToken.VALUE_STRING) {
                        text = p.getString();
                    } else if ("variables".equals(field) && v == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                                String k = p.currentName();
                                if (p.nextToken() == JsonToken.VALUE_STRING && "name".equals(k)) {
                                    variables.add(p.getString());
                                } else {
                                    p.skipChildren();
                                }
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (JacksonException e) {
            return new Fetched(templateId, null, null, List.of(), null, false, "the template answer is not readable JSON: "
                    + ApiExchange.shorten(e.getOriginalMessage()));
        }
        if (version == null || text == null) {
            return new Fetched(templateId, null, null, List.of(), null, false, "the template answer has no production version");
        }
        return new Fetched(templateId, version, text, List.copyOf(variables), etag, false, null);
    }

    private URI uri(String templateId, String suffix) {
        return URI.create(base + ApiExchange.segment(templateId) + suffix);
    }
}
