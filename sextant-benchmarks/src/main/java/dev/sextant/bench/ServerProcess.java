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
import java.util.Map;

/**
 * The packaged server jar in a child JVM on an embedded store in {@code dataDir}, on a free
 * loopback port, with {@code key} as its bootstrap admin key: what an agent or a user talks to.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    final URI base;

    private ServerProcess(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    static ServerProcess start(Path serverJar, Path dataDir, String key, List<String> jvmOptions) throws Exception {
        return start(serverJar, dataDir, key, jvmOptions, Map.of());
    }

    /** With more environment, e.g. {@code SEXTANT_BUDGETS_CHECK_CACHE_TTL}. */
    static ServerProcess start(Path serverJar, Path dataDir, String key, List<String> jvmOptions,
            Map<String, String> environment) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("sextant-bench-server", ".log");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", serverJar.toString(), "serve", "--data", dataDir.toString(), "--port",
                Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SEXTANT_BOOTSTRAP_KEY", key);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        ServerProcess server = new ServerProcess(builder.start(), log, URI.create("http://127.0.0.1:" + port));
        try {
            server.awaitHealthy();
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 1200; i++) {
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
        throw new IllegalStateException("the server did not become healthy in 120 s; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
