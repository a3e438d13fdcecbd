package dev.sextant.sdk.internal;

import java.net.URI;
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

    private final URI experimentsUri;
    private final ApiExchange api;

    /** A fresh definition and its ETag; {@code notModified} when the ETag still holds; or an error. */
    public record Fetch(ExperimentDefinition definition, String etag, boolean notModified, String error) {}

    public ExperimentClient(ExportSettings settings) {
        this.api = new ApiExchange(settings);
        this.experimentsUri = api.resolve("experiments/");
    }

    public Fetch fetch(String experimentId, String etag) {
        ApiExchange.Result answer = api.get(experimentsUri.resolve(ApiExchange.segment(experimentId)), etag);
        if (answer.error() != null) {
            return failed(answer.error());
        }
        if (answer.status() == 304 && etag != null) {
            return new Fetch(null, etag, true, null);
        }
        return answer.status() != 200 ? failed(answer.statusError()) : read(answer.body(), answer.etag());
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
            return failed("the experiment answer is not readable JSON: " + ApiExchange.shorten(e.getOriginalMessage()));
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
}
