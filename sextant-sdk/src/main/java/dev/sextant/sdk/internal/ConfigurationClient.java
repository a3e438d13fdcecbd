package dev.sextant.sdk.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code GET /api/v1/configurations/{id}/active} on the caller's thread, bounded by the request
 * timeout, with {@code If-None-Match} when a version is already known and {@code sdk_version} set
 * to this SDK's version (so the answer's compatibility is about this SDK). Never throws.
 */
public final class ConfigurationClient {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final URI base;
    private final ApiExchange api;

    /** {@code notModified}: the known version is still active; else the version read, or an error. */
    public record Answer(boolean notModified, String versionId, Integer version, Map<String, Object> content,
            String etag, String error) {}

    public ConfigurationClient(ExportSettings settings) {
        this.api = new ApiExchange(settings);
        this.base = api.resolve("configurations/");
    }

    /** The ids of the agent's configurations, oldest first; {@code error} set when there is no usable answer. */
    public record Listing(List<String> ids, String error) {}

    public Listing idsOf(String agentId) {
        URI uri = URI.create(base.toString().replaceAll("/$", "") + "?agent_id=" + ApiExchange.encode(agentId));
        ApiExchange.Result answer = api.get(uri, null);
        if (answer.error() != null) {
            return new Listing(List.of(), answer.error());
        }
        return answer.status() != 200 ? new Listing(List.of(), answer.statusError()) : ids(answer.body());
    }

    /** Reads {@code configurations[].id}; other fields are skipped. */
    static Listing ids(byte[] body) {
        List<String> ids = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Listing(List.of(), "the configuration list is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.START_ARRAY && "configurations".equals(name)) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        Object item = object(p);
                        if (item instanceof Map<?, ?> m && m.get("id") instanceof String id) {
                            ids.add(id);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            return new Listing(List.of(), "the configuration list is not readable JSON: "
                    + ApiExchange.shorten(e.getOriginalMessage()));
        }
        return new Listing(List.copyOf(ids), null);
    }

    public Answer active(String configurationId, String etag) {
        URI uri = base.resolve(ApiExchange.encode(configurationId) + "/active"
                + (SdkInfo.versionParses() ? "?sdk_version=" + ApiExchange.encode(SdkInfo.VERSION) : ""));
        ApiExchange.Result answer = api.get(uri, etag);
        if (answer.error() != null) {
            return failed(answer.error());
        }
        if (answer.status() == 304) {
            return new Answer(true, null, null, null, etag, null);
        }
        return answer.status() != 200 ? failed(answer.statusError()) : read(answer.body(), answer.etag());
    }

    /** Reads {@code version_id}, {@code version} and {@code content}; other fields are skipped. */
    static Answer read(byte[] body, String etag) {
        String versionId = null;
        Integer version = null;
        Map<String, Object> content = null;
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return failed("the active configuration is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("version_id".equals(name) && value == JsonToken.VALUE_STRING) {
                    versionId = p.getString();
                } else if ("version".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                    version = p.getIntValue();
                } else if ("content".equals(name) && value == JsonToken.START_OBJECT) {
                    content = object(p);
                } else {
                    p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            return failed("the active configuration is not readable JSON: "
                    + ApiExchange.shorten(e.getOriginalMessage()));
        }
        if (versionId == null || content == null) {
            return failed("the active configuration has no version_id or content");
        }
        return new Answer(false, versionId, version, content, etag, null);
    }

    /** The object the parser is at (START_OBJECT read) as an unmodifiable map of plain Java values. */
    private static Map<String, Object> object(JsonParser p) {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            out.put(name, value(p, p.nextToken()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object value(JsonParser p, JsonToken token) {
        return switch (token) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(value(p, t));
                }
                yield Collections.unmodifiableList(list);
            }
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Answer failed(String error) {
        return new Answer(false, null, null, null, null, error);
    }
}
