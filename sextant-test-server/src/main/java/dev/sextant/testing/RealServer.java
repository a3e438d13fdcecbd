package dev.sextant.testing;

import dev.sextant.server.SextantApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Sextant server in this JVM, for the ITs of the modules that talk to it over HTTP: a
 * temporary data directory with embedded DuckDB, a known bootstrap admin key, a chosen or
 * random port. Only tests depend on this module: the client modules' own code never sees Spring.
 */
public final class RealServer implements AutoCloseable {
    public static final String KEY = "sk-test-bootstrap-admin-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dataDir;
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    private RealServer(int port, String... extraArgs) {
        try {
            dataDir = Files.createTempDirectory("sextant-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--sextant.data-dir=" + dataDir,
                "--sextant.bootstrap-key=" + KEY));
        args.addAll(List.of(extraArgs));
        context = SextantApplication.start(args.toArray(String[]::new));
    }

    public static RealServer start() {
        return new RealServer(0);
    }

    /** With more settings, e.g. {@code --sextant.alerts.evaluation-interval=200ms}. */
    public static RealServer startWith(String... extraArgs) {
        return new RealServer(0, extraArgs);
    }

    public static RealServer startOn(int port) {
        return new RealServer(port);
    }

    public URI base() {
        return URI.create("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /** The base URL as text, e.g. {@code http://localhost:41234}. */
    public String url() {
        return base().toString();
    }

    /** The status and the body as JSON (null when the body is empty). */
    public record Answer(int status, JsonNode body) {}

    /** GET with the admin key; the status and the body, whatever the status. */
    public Answer fetch(String path) {
        return send(HttpRequest.newBuilder(base().resolve(path)).GET());
    }

    /** POST of a JSON body with the admin key; the status and the body. */
    public Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(base().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isEmpty() ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET with the admin key; the body as JSON, or null when the answer is not 200. */
    public JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base().resolve(path))
                    .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode interaction(String traceId) {
        return get("/api/v1/interactions/" + traceId);
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
