package dev.sextant.sdk.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
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
    private static final int MAX_REASON = 300;

    private final URI base;
    private final ExportSettings settings;
    private final HttpClient http;

    /** {@code notModified}: the known version is still active; else the version read, or an error. */
    public record Answer(boolean notModified, String versionId, Integer version, Map<String, Object> content,
            String etag, String error) {}

    public ConfigurationClient(ExportSettings settings) {
        this.settings = settings;
        this.base = settings.ingestUri().resolve("configurations/");
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    }

    /** The ids of the agent's configurations, oldest first; {@code error} set when there is no usable answer. */
    public record Listing(List<String> ids, String error) {}

    public Listing idsOf(String agentId) {
        URI uri = URI.create(base.toString().replaceAll("/$", "") + "?agent_id="
                + URLEncoder.encode(agentId, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.apiKey()).header("User-Agent", SdkInfo.USER_AGENT)
                .GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return new Listing(List.of(), "HTTP " + response.statusCode() + " from " + uri + ": "
                        + shorten(new String(response.body(), StandardCharsets.UTF_8)));
            }
            return ids(response.body());
        } catch (HttpTimeoutException e) {
            return new Listing(List.of(), "no answer from " + uri + " within " + settings.requestTimeout());
        } catch (IOException e) {
            return new Listing(List.of(), "cannot reach " + uri + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Listing(List.of(), "interrupted while asking " + uri);
        }
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
            return new Listing(List.of(), "the configuration list is not readable JSON: " + shorten(e.getOriginalMessage()));
        }
        return new Listing(List.copyOf(ids), null);
    }

    public Answer active(String configurationId, String etag) {
        URI uri = base.resolve(URLEncoder.encode(configurationId, StandardCharsets.UTF_8) + "/active"
                + (SdkInfo.versionParses() ? "?sdk_version=" + URLEncoder.encode(SdkInfo.VERSION, StandardCharsets.UTF_8) : ""));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.apiKey()).header("User-Agent", SdkInfo.USER_AGENT);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 304) {
                return new Answer(true, null, null, null, etag, null);
            }
            if (response.statusCode() != 200) {
                return failed("HTTP " + response.statusCode() + " from " + uri + ": "
                        + shorten(new String(response.body(), StandardCharsets.UTF_8)));
            }
            return read(response.body(), response.headers().firstValue("ETag").orElse(null));
        } catch (HttpTimeoutException e) {
            return failed("no answer from " + uri + " within " + settings.requestTimeout());
        } catch (IOException e) {
            return failed("cannot reach " + uri + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted while asking " + uri);
        }
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
            return failed("the active configuration is not readable JSON: " + shorten(e.getOriginalMessage()));
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

    private static String shorten(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
    }
}
