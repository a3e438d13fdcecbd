package dev.sextant.langchain4j;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A local stand-in for the Anthropic Messages API ({@code POST /v1/messages}) answering one
 * message with the usage it was given, in Anthropic's counting: {@code input_tokens} excludes
 * the cache reads and writes.
 */
final class AnthropicStandIn implements AutoCloseable {
    private final HttpServer server;
    private volatile String body = "{}";

    AnthropicStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/messages", exchange -> {
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
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
    }

    void answers(String model, String text, int input, int cacheWrite, int cacheRead, int output) {
        body = """
                {"id": "msg_01", "type": "message", "role": "assistant", "model": "%s",
                 "content": [{"type": "text", "text": "%s"}], "stop_reason": "end_turn", "stop_sequence": null,
                 "usage": {"input_tokens": %d, "cache_creation_input_tokens": %d, "cache_read_input_tokens": %d,
                           "output_tokens": %d}}
                """.formatted(model, text, input, cacheWrite, cacheRead, output);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
