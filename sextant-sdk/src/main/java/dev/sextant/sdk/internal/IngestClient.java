package dev.sextant.sdk.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** POSTs one batch body to {@code /api/v1/ingest} and classifies the answer. */
final class IngestClient {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final ExportSettings settings;
    private final HttpClient http;

    IngestClient(ExportSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    }

    Outcome post(byte[] body, int items) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(settings.ingestUri())
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Content-Type", "application/json")
                .header("User-Agent", SdkInfo.USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Outcome.Retryable("cannot reach " + settings.ingestUri() + ": " + e, Optional.empty());
        }
        int status = response.statusCode();
        String text = new String(response.body(), StandardCharsets.UTF_8);
        switch (status) {
            case 200, 207:
                return delivered(response.body(), items);
            case 429, 502, 503, 504:
                return new Outcome.Retryable("HTTP " + status + " " + ApiExchange.shorten(text),
                        Backoff.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null),
                                ZonedDateTime.now()));
            default:
                return new Outcome.Refused(status,
                        "HTTP " + status + " from " + settings.ingestUri() + ": " + ApiExchange.shorten(text));
        }
    }

    /** Reads {@code {"accepted": N, "rejected": [{"error": ...}, ...]}}; an unreadable answer counts all as accepted. */
    static Outcome.Delivered delivered(byte[] body, int items) {
        long accepted = items;
        long rejected = 0;
        String first = null;
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Outcome.Delivered(items, 0, null);
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("accepted".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                    accepted = p.getLongValue();
                } else if ("rejected".equals(name) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        rejected++;
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            if (first == null && "error".equals(field)) {
                                first = p.getString();
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (JacksonException unreadable) {
            return new Outcome.Delivered(items, 0, null);
        }
        return new Outcome.Delivered(accepted, rejected, first);
    }
}
