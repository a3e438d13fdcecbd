package dev.sextant.langchain4j;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the OpenAI Chat Completions API ({@code POST /v1/chat/completions}): it
 * answers every request with the status and body it was given, like the provider does. Only the
 * remote model is stubbed; LangChain4j's client, JSON mapping and listeners run for real.
 */
final class OpenAiStandIn implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile String contentType = "application/json";
    private final Queue<String> turns = new ConcurrentLinkedQueue<>();

    OpenAiStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String turn = turns.poll();
            byte[] bytes = (turn != null ? turn : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The next answers: a chat completion from {@code model} saying {@code text}, with this usage. */
    void answers(String model, String text, int promptTokens, int completionTokens, String finishReason) {
        answers(model, text, promptTokens, completionTokens, finishReason, 0, 0);
    }

    /** As above, with {@code cached} of the prompt tokens read from OpenAI's cache and {@code reasoning} of the completion tokens. */
    void answers(String model, String text, int promptTokens, int completionTokens, String finishReason, int cached,
            int reasoning) {
        status = 200;
        contentType = "application/json";
        body = """
                {"id": "chatcmpl-42", "object": "chat.completion", "created": 1763800000, "model": "%s",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s", "refusal": null},
                              "logprobs": null, "finish_reason": "%s"}],
                 "usage": {"prompt_tokens": %d, "completion_tokens": %d, "total_tokens": %d,
                           "prompt_tokens_details": {"cached_tokens": %d},
                           "completion_tokens_details": {"reasoning_tokens": %d}},
                 "system_fingerprint": "fp_standin"}
                """.formatted(model, text, finishReason, promptTokens, completionTokens, promptTokens + completionTokens,
                cached, reasoning);
    }

    /**
     * The next answers: a streamed chat completion (server-sent events) saying {@code pieces} in
     * turn, then a last chunk with the usage (what OpenAI sends with {@code stream_options.include_usage}).
     */
    void streams(String model, List<String> pieces, int promptTokens, int completionTokens) {
        StringBuilder events = new StringBuilder();
        String head = "{\"id\": \"chatcmpl-43\", \"object\": \"chat.completion.chunk\", \"created\": 1763800000, "
                + "\"model\": \"" + model + "\", ";
        for (int i = 0; i < pieces.size(); i++) {
            String finish = i == pieces.size() - 1 ? "\"stop\"" : "null";
            events.append("data: ").append(head).append("\"choices\": [{\"index\": 0, \"delta\": {")
                    .append(i == 0 ? "\"role\": \"assistant\", " : "").append("\"content\": \"").append(pieces.get(i))
                    .append("\"}, \"finish_reason\": ").append(finish).append("}]}\n\n");
        }
        events.append("data: ").append(head).append("\"choices\": [], \"usage\": {\"prompt_tokens\": ").append(promptTokens)
                .append(", \"completion_tokens\": ").append(completionTokens).append(", \"total_tokens\": ")
                .append(promptTokens + completionTokens).append("}}\n\n");
        events.append("data: [DONE]\n\n");
        status = 200;
        contentType = "text/event-stream";
        body = events.toString();
    }

    /**
     * The next answer asks for one tool call ({@code finish_reason: tool_calls}); the answers set
     * before are given after it.
     */
    void callsToolFirst(String model, String tool, String arguments, int promptTokens, int completionTokens) {
        turns.add("""
                {"id": "chatcmpl-41", "object": "chat.completion", "created": 1763800000, "model": "%s",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": null,
                              "tool_calls": [{"id": "call_1", "type": "function",
                                              "function": {"name": "%s", "arguments": "%s"}}]},
                              "finish_reason": "tool_calls"}],
                 "usage": {"prompt_tokens": %d, "completion_tokens": %d, "total_tokens": %d}}
                """.formatted(model, tool, arguments.replace("\"", "\\\""), promptTokens, completionTokens,
                promptTokens + completionTokens));
    }

    /** The next answers: an API error, as OpenAI sends it. */
    void fails(int status, String message) {
        this.status = status;
        contentType = "application/json";
        body = """
                {"error": {"message": "%s", "type": "server_error", "param": null, "code": null}}
                """.formatted(message);
    }

    List<String> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
