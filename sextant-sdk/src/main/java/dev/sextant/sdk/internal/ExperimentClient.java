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
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code GET /api/v1/experiments/{id}} on the caller's thread, bounded by the request timeout,
 * revalidating with the ETag of the copy it has. Never throws: every failure is a {@link Fetch}
 * with an error.
 */
public final class ExperimentClient {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int MAX_REASON = 300;

    private final URI experimentsUri;
    private final ExportSettings settings;
    private final HttpClient http;

    /** A fresh definition and its ETag; {@code notModified} when the ETag still holds; or an error. */
    public record Fetch(ExperimentDefinition definition, String etag, boolean notModified, String error) {}

    public ExperimentClient(ExportSettings settings) {
        this.settings = settings;
        this.experimentsUri = settings.ingestUri().resolve("experiments/");
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    }

    public Fetch fetch(String experimentId, String etag) {
        URI uri = experimentsUri.resolve(URLEncoder.encode(experimentId, StandardCharsets.UTF_8).replace("+", "%20"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.apiKey()).header("User-Agent", SdkInfo.USER_AGENT).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 304 && etag != null) {
                return new Fetch(null, etag, true, null);
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

    /** Reads {@code id}, {@code status}, {@code winner} and {@code variants[]}; other fields are skipped. */
    static Fetch read(byte[] body, String etag) {
        String id = null;
        String status = null;
        String winner = null;
        List<ExperimentDefinition.Variant> variants = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return failed("the experiment answer is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING && "id".equals(name)) {
                    id = p.getString();
                } else if (value == JsonToken.VALUE_STRING && "status".equals(name)) {
                    status = p.getString();
                } else if (value == JsonToken.VALUE_STRING && "winner".equals(name)) {
                    winner = p.getString();
                } else if (value == JsonToken.START_ARRAY && "variants".equals(name)) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        variants.add(variant(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            return failed("the experiment answer is not readable JSON: " + shorten(e.getOriginalMessage()));
        }
        if (id == null || status == null || variants.isEmpty()
                || variants.stream().anyMatch(v -> v.id() == null || v.allocation() < 0)) {
            return failed("the experiment answer lacks its id, status or variants");
        }
        return new Fetch(new ExperimentDefinition(id, status, winner, variants), etag, false, null);
    }

    private static ExperimentDefinition.Variant variant(JsonParser p) {
        String id = null;
        String version = null;
        int allocation = -1;
        boolean control = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING && "id".equals(field)) {
                id = p.getString();
            } else if (value == JsonToken.VALUE_STRING && "configuration_version".equals(field)) {
                version = p.getString();
            } else if (value == JsonToken.VALUE_NUMBER_INT && "allocation".equals(field)) {
                allocation = p.getIntValue();
            } else if (value == JsonToken.VALUE_TRUE && "control".equals(field)) {
                control = true;
            } else {
                p.skipChildren();
            }
        }
        return new ExperimentDefinition.Variant(id, version, allocation, control);
    }

    private static Fetch failed(String error) {
        return new Fetch(null, null, false, error);
    }

    private static String shorten(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
    }
}
