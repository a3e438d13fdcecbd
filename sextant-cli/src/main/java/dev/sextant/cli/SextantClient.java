package dev.sextant.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls the CLI makes, over the JDK's HttpClient: {@code GET /api/v1/workspace},
 * {@code POST /api/v1/ingest} and the analytics reads. Every failure becomes a {@link CliException} naming the URL, what
 * the server said and what to do about it.
 */
final class SextantClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final Connection connection;
    private final HttpClient http;

    SextantClient(Connection connection) {
        this.connection = connection;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** The key's workspace ({@code id}, {@code slug}, {@code name}); any valid key may read it. */
    JsonNode workspace() {
        return send(request("/api/v1/workspace").GET().build(), "read the workspace", "ingest:write");
    }

    /** A read under {@code /api/v1/} that needs {@code analytics:view}; null parameters are left out. */
    JsonNode read(String path, Map<String, String> parameters, String what) {
        return send(request(path + QueryString.of(parameters)).GET().build(), what, "analytics:view");
    }

    /** A POST of a JSON body (null: none) under {@code /api/v1/}; 200, 201 and 207 are answers, the rest failures. */
    JsonNode post(String path, Map<String, String> parameters, JsonNode body, String what, String scope) {
        HttpRequest.Builder request = request(path + QueryString.of(parameters));
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return send(request.build(), what, scope);
    }

    /** Sends a file as the body of a POST or PUT, streamed from disk with its length (see {@link UploadBody}). */
    JsonNode upload(String method, String path, Map<String, String> parameters, UploadBody body, String what,
            String scope) {
        HttpRequest request = request(path + QueryString.of(parameters)).timeout(body.timeout())
                .header("Content-Type", body.contentType()).method(method, body.publisher()).build();
        return send(request, what, scope, true);
    }

    /** Sends one native batch; the server's answer {@code {"accepted", "rejected": [...]}} (200 or 207). */
    IngestAnswer ingest(ArrayNode batch) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("batch", batch);
        HttpRequest request = request("/api/v1/ingest").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return IngestAnswer.of(send(request, "send records", "ingest:write"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(connection.url() + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + connection.apiKey()).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request, String what, String scope) {
        return send(request, what, scope, false);
    }

    /** {@code upload}: a 400 is about the file sent, not about the options. */
    private JsonNode send(HttpRequest request, String what, String scope, boolean upload) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliException(ExitCode.UNREACHABLE, "cannot reach the Sextant server at " + connection.url() + " ("
                    + describe(e) + "). Is it running (./sextant serve)? The URL comes from " + Connection.URL_ENV
                    + " or the config file written by ./sextant login.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.REFUSED, "interrupted while waiting for " + connection.url());
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status == 200 || status == 201 || status == 207) {
            if (body == null || !body.isObject()) {
                throw new CliException(ExitCode.REFUSED, connection.url() + " answered " + status
                        + " but not with Sextant's JSON: is this URL a Sextant server?");
            }
            return body;
        }
        String detail = body != null && body.path("detail").isString() ? body.path("detail").asString() : null;
        throw switch (status) {
            case 401 -> new CliException(ExitCode.BAD_KEY, "the server at " + connection.url()
                    + " refused the API key (401: unknown, revoked or garbled). Check " + Connection.KEY_ENV
                    + " or run ./sextant login again with a valid key.");
            case 403 -> new CliException(ExitCode.BAD_KEY, "the API key may not " + what + " at " + connection.url()
                    + ": it lacks the scope " + text(body, "required_scope", scope) + " (it has "
                    + (body != null && body.has("key_scopes") ? body.get("key_scopes").toString() : "other scopes")
                    + "). Create a key with " + text(body, "required_scope", scope)
                    + " (POST /api/v1/api-keys) and log in with it.");
            case 429, 503 -> new CliException(ExitCode.REFUSED, "the server at " + connection.url() + " is "
                    + (status == 429 ? "busy" : "unavailable") + " (" + status + (detail == null ? "" : ": " + detail)
                    + "); nothing was stored, run the command again"
                    + response.headers().firstValue("Retry-After").map(s -> " in " + s + " s").orElse("") + ".");
            case 400 -> upload ? new CliException(ExitCode.REFUSED, "the server at " + connection.url() + " could not " + what + ": 400 "
                    + (detail == null ? "" : detail)) : new CliException(ExitCode.USAGE, "the server refused the options: "
                    + (detail == null ? "400" : detail));
            default -> new CliException(ExitCode.REFUSED, "the server at " + connection.url() + " could not " + what
                    + ": " + status + (detail == null ? "" : " " + detail));
        };
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String field, String fallback) {
        return body != null && body.path(field).isString() ? body.path(field).asString() : fallback;
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "no answer to connect within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
