package dev.sextant.sdk.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One request and its answer with the Sextant API on the caller's thread, shared by the SDK's
 * request/answer clients: the API key and {@code User-Agent} on every request, the request
 * timeout, and the error texts. Never throws for a failed exchange: it is a {@link Result} with an
 * error.
 */
final class ApiExchange {
    private static final int MAX_REASON = 300;

    private final ExportSettings settings;
    private final HttpClient http;

    /**
     * The answer to one request: its status, body and {@code ETag}; or {@code error} (status 0)
     * when none came. {@code named} is the address the error texts name.
     */
    record Result(URI named, int status, byte[] body, String etag, String error) {
        /** {@code HTTP <status> from <address>: <body, shortened>}. */
        String statusError() {
            return "HTTP " + status + " from " + named + ": " + shorten(new String(body, StandardCharsets.UTF_8));
        }
    }

    ApiExchange(ExportSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    }

    /** {@code path} resolved against the API base the settings name. */
    URI resolve(String path) {
        return settings.ingestUri().resolve(path);
    }

    /** GET {@code uri}, with {@code If-None-Match} when {@code etag} is not null. */
    Result get(URI uri, String etag) {
        return get(uri, uri, etag);
    }

    /** As {@link #get(URI, String)}, naming {@code named} instead of {@code uri} in error texts. */
    Result get(URI uri, URI named, String etag) {
        HttpRequest.Builder request = request(uri).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return send(request.build(), named);
    }

    /** POST {@code json} to {@code uri}. */
    Result post(URI uri, String json) {
        return send(request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), uri);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.apiKey()).header("User-Agent", SdkInfo.USER_AGENT);
    }

    private Result send(HttpRequest request, URI named) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Result(named, response.statusCode(), response.body(),
                    response.headers().firstValue("ETag").orElse(null), null);
        } catch (HttpTimeoutException e) {
            return failed(named, "no answer from " + named + " within " + settings.requestTimeout());
        } catch (IOException e) {
            return failed(named, "cannot reach " + named + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(named, "interrupted while asking " + named);
        }
    }

    private static Result failed(URI named, String error) {
        return new Result(named, 0, null, null, error);
    }

    /** {@code value} URL-encoded for a query parameter (a space is {@code +}). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code value} URL-encoded for a path segment (a space is {@code %20}). */
    static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    /** {@code text} cut to 300 characters, with {@code ...} when cut; null stays null. */
    static String shorten(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
    }
}
