package dev.sextant.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The same bodies through the real server: the packaged jar in a child JVM on an embedded
 * store, clients on loopback HTTP/1.1 with an API key. This is what an agent sees.
 */
final class HttpIngest {
    private static final String KEY = "sk-bench-0123456789abcdefghij";
    private final Path serverJar;
    private final int clients;

    HttpIngest(Path serverJar, int clients) {
        this.serverJar = serverJar;
        this.clients = clients;
    }

    /** Warms the server up with {@code warm}, then returns spans/s for {@code bodies}. */
    double run(Path dataDir, List<byte[]> warm, List<byte[]> bodies, int spanCount) throws Exception {
        try (ServerProcess server = ServerProcess.start(serverJar, dataDir, KEY, List.of())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            send(http, server.base, warm);
            long t0 = System.nanoTime();
            send(http, server.base, bodies);
            return spanCount / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private void send(HttpClient http, URI base, List<byte[]> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                done.add(pool.submit(() -> {
                    for (int b; (b = next.getAndIncrement()) < bodies.size(); ) {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/ingest"))
                                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(b))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != 200) {
                            throw new IllegalStateException("ingest answered " + answer.statusCode() + ": " + answer.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
