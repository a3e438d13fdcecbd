package dev.sextant.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny JDK HTTP server standing in for Sextant, only for failure behaviour: it can hold a
 * request until released, answer given statuses first, and then answer 200 itself or forward
 * the request to the real server.
 */
final class StandIn implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile boolean holding;
    private volatile int[] firstAnswers = new int[0];
    private volatile String retryAfter;
    private volatile URI forwardTo;

    StandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Holds every request until {@link #release()}. */
    StandIn holding() {
        holding = true;
        return this;
    }

    /** Answers these statuses to the first requests, with this {@code Retry-After} (or none). */
    StandIn answeringFirst(String retryAfter, int... statuses) {
        this.retryAfter = retryAfter;
        this.firstAnswers = statuses;
        return this;
    }

    /** After the first answers, forwards requests to the real server at {@code base}. */
    StandIn forwardingTo(URI base) {
        this.forwardTo = base;
        return this;
    }

    void release() {
        release.countDown();
    }

    int requests() {
        return requests.get();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = requests.getAndIncrement();
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            if (holding) {
                release.await();
            }
            int[] first = firstAnswers;
            if (n < first.length) {
                if (retryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                }
                answer(exchange, first[n], "{\"title\":\"stand-in answer\"}");
            } else if (forwardTo != null) {
                HttpResponse<String> real = http.send(HttpRequest.newBuilder(forwardTo.resolve(exchange.getRequestURI()))
                        .header("Authorization", exchange.getRequestHeaders().getFirst("Authorization"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                answer(exchange, real.statusCode(), real.body());
            } else {
                answer(exchange, 200, "{}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
