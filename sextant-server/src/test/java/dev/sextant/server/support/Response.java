package dev.sextant.server.support;

import java.net.http.HttpResponse;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP answer with its body read as text and, on demand, as JSON. */
public record Response(int status, String contentType, java.net.http.HttpHeaders headers, String body) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Response of(HttpResponse<String> response) {
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.headers(), response.body());
    }

    public JsonNode json() {
        return JSON.readTree(body);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    @Override
    public String toString() {
        return status + " " + contentType + " " + body;
    }
}
