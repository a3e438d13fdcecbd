package dev.sextant.genai;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the Gemini REST API ({@code POST /v1beta/models/{model}:generateContent}):
 * it answers every request with the status and body it was given, as the Gemini API does. Only
 * the remote model is stubbed; the google-genai client, its JSON mapping and errors run for real.
 */
final class GeminiStandIn implements AutoCloseable {
    private final HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile String contentType = "application/json; charset=UTF-8";

    GeminiStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The next answers: {@code modelVersion} says {@code text}, with this {@code usageMetadata}
     * (Gemini's own arithmetic: the total is prompt + candidates + thoughts).
     */
    void answers(String modelVersion, String text, int prompt, int cached, int candidates, int thoughts) {
        status = 200;
        contentType = "application/json; charset=UTF-8";
        String cachedField = cached > 0 ? "\"cachedContentTokenCount\": %d,".formatted(cached) : "";
        String thoughtsField = thoughts > 0 ? "\"thoughtsTokenCount\": %d,".formatted(thoughts) : "";
        body = """
                {"candidates": [{"content": {"parts": [{"text": "%s"}], "role": "model"},
                                 "finishReason": "STOP", "index": 0}],
                 "usageMetadata": {"promptTokenCount": %d, "candidatesTokenCount": %d, %s %s
                                   "totalTokenCount": %d,
                                   "promptTokensDetails": [{"modality": "TEXT", "tokenCount": %d}]},
                 "modelVersion": "%s",
                 "responseId": "resp-7"}
                """.formatted(text, prompt, candidates, cachedField, thoughtsField, prompt + candidates + thoughts,
                prompt, modelVersion);
    }

    /**
     * The next answers: a stream ({@code :streamGenerateContent?alt=sse}, server-sent events) of
     * one chunk per piece, each with the usage so far; the last one has the finish reason and the
     * complete counts, thoughts included.
     */
    void streams(String modelVersion, List<String> pieces, int prompt, int candidates, int thoughts) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            boolean lastPiece = i == pieces.size() - 1;
            int soFar = lastPiece ? candidates : (i + 1) * (candidates / pieces.size());
            events.append("data: ").append("""
                    {"candidates": [{"content": {"parts": [{"text": "%s"}], "role": "model"}%s, "index": 0}],\
                     "usageMetadata": {"promptTokenCount": %d, "candidatesTokenCount": %d, "thoughtsTokenCount": %d,\
                     "totalTokenCount": %d}, "modelVersion": "%s", "responseId": "resp-8"}""".formatted(pieces.get(i),
                    lastPiece ? ", \"finishReason\": \"STOP\"" : "", prompt, soFar, thoughts, prompt + soFar + thoughts,
                    modelVersion)).append("\r\n\r\n");
        }
        status = 200;
        contentType = "text/event-stream";
        body = events.toString();
    }

    /** The next answers: an API error in Gemini's shape. */
    void fails(int code, String status, String message) {
        this.status = code;
        contentType = "application/json; charset=UTF-8";
        body = """
                {"error": {"code": %d, "message": "%s", "status": "%s"}}
                """.formatted(code, message, status);
    }

    List<String> paths() {
        return paths;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
