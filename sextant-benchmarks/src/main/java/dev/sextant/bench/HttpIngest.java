package dev.sextant.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("sextant-bench-server", ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-jar",
                serverJar.toString(), "serve", "--data", dataDir.toString(), "--port", Integer.toString(port));
        builder.environment().put("SEXTANT_BOOTSTRAP_KEY", KEY);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process server = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitHealthy(http, base, server, log);
            send(http, base, warm);
            long t0 = System.nanoTime();
            send(http, base, bodies);
            return spanCount / ((System.nanoTime() - t0) / 1e9);
        } finally {
            server.destroy();
            server.waitFor();
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

    private static void awaitHealthy(HttpClient http, URI base, Process server, Path log) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not become healthy in 60 s; see " + log);
    }
}
