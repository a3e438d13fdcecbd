package dev.sextant.cli;

import dev.sextant.server.SextantApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The real Sextant server in this JVM (sextant-server's test harness, trimmed): a temporary data
 * directory with embedded DuckDB and a known bootstrap admin key. Only the tests use Spring.
 */
final class RealServer implements AutoCloseable {
    static final String ADMIN_KEY = "sk-test-bootstrap-admin-0123456789";

    private final Path dataDir;
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    RealServer() {
        try {
            dataDir = Files.createTempDirectory("sextant-cli-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context = SextantApplication.start("--server.port=0", "--sextant.data-dir=" + dataDir,
                "--sextant.bootstrap-key=" + ADMIN_KEY);
    }

    String url() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** GET with the admin key; the status and the body as JSON. */
    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).GET());
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    record Answer(int status, JsonNode body) {}

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + ADMIN_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
