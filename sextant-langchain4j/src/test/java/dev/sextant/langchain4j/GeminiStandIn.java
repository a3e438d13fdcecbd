package dev.sextant.langchain4j;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A local stand-in for the Gemini REST API ({@code POST /v1beta/models/{model}:generateContent})
 * answering with the usage it was given, in Gemini's counting: the prompt count includes cached
 * tokens, the candidates count excludes thoughts.
 */
final class GeminiStandIn implements AutoCloseable {
    private final HttpServer server;
    private volatile String body = "{}";

    GeminiStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1beta/models/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1beta";
    }

    void answers(String modelVersion, String text, int prompt, int cached, int candidates, int thoughts) {
        body = """
                {"candidates": [{"content": {"parts": [{"text": "%s"}], "role": "model"}, "finishReason": "STOP",
                                 "index": 0}],
                 "usageMetadata": {"promptTokenCount": %d, "cachedContentTokenCount": %d, "candidatesTokenCount": %d,
                                   "thoughtsTokenCount": %d, "totalTokenCount": %d},
                 "modelVersion": "%s", "responseId": "resp-9"}
                """.formatted(text, prompt, cached, candidates, thoughts, prompt + candidates + thoughts, modelVersion);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
