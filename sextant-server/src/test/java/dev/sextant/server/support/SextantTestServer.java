package dev.sextant.server.support;

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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real Sextant server once per test class: a random port, a temporary data
 * directory (embedded DuckDB), and a known bootstrap admin key. Tests talk to it over HTTP.
 * Register with {@code @RegisterExtension static SextantTestServer server = new SextantTestServer();}.
 */
public final class SextantTestServer implements BeforeAllCallback, AfterAllCallback {
    public static final String ADMIN_KEY = "sk-test-bootstrap-admin-0123456789";

    private final List<String> extraArgs = new ArrayList<>();
    private boolean bootstrapKey = true;
    private Path dataDir;
    private ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    public SextantTestServer with(String arg) {
        extraArgs.add(arg);
        return this;
    }

    public SextantTestServer withoutBootstrapKey() {
        bootstrapKey = false;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws IOException {
        prepare();
        start();
    }

    /** Creates the temporary data directory without starting the server. */
    public void prepare() throws IOException {
        dataDir = Files.createTempDirectory("sextant-it-");
    }

    @Override
    public void afterAll(ExtensionContext extension) throws IOException {
        stop();
        deleteRecursively(dataDir);
    }

    public void start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--sextant.data-dir=" + dataDir));
        if (bootstrapKey) {
            args.add("--sextant.bootstrap-key=" + ADMIN_KEY);
        }
        args.addAll(extraArgs);
        context = SextantApplication.start(args.toArray(String[]::new));
    }

    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** A bean of the running server, for tests that must break a part on purpose. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Path dataDir() {
        return dataDir;
    }

    public URI uri(String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    public Response send(HttpRequest request) {
        try {
            return Response.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String key) {
        return send(authorized(request(path), key).GET().build());
    }

    public Response delete(String path, String key) {
        return send(authorized(request(path), key).DELETE().build());
    }

    public Response post(String path, String key, String json) {
        return send(authorized(request(path), key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static HttpRequest.Builder authorized(HttpRequest.Builder builder, String key) {
        return key == null ? builder : builder.header("Authorization", "Bearer " + key);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
