package dev.sextant.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The packaged server jar in a child JVM on a fresh data directory, with a known admin key. */
final class ChildServer implements AutoCloseable {
    static final String KEY = "sk-bench-0123456789abcdefghij";

    private final Process process;
    private final URI base;

    ChildServer(Path serverJar, Path dataDir, Map<String, String> environment) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("sextant-bench-server", ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-jar",
                serverJar.toString(), "serve", "--data", dataDir.toString(), "--port", Integer.toString(port));
        builder.environment().put("SEXTANT_BOOTSTRAP_KEY", KEY);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        process = builder.start();
        base = URI.create("http://127.0.0.1:" + port);
        try {
            awaitHealthy(log);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    URI base() {
        return base;
    }

    private void awaitHealthy(Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
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

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
