package dev.sextant.e2e;

import dev.sextant.testing.RealServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new, empty workspace on the shared server with one user of the given role in it, so a test can
 * look at pages without the demo data (and check that nothing of the default workspace shows).
 * Created through the API with the instance admin's key; the workspace's own admin key (returned
 * once by {@code POST /api/v1/workspaces}) adds the member and can send data ({@link #ingest}).
 */
record FreshWorkspace(String slug, String key, String email, String password) {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static FreshWorkspace create(String role) {
        RealServer server = Dashboard.server();
        String unique = Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
        String slug = "e2e-fresh-" + unique;
        RealServer.Answer created = server.post("/api/v1/workspaces",
                "{\"slug\": \"" + slug + "\", \"name\": \"Fresh " + unique + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("creating workspace " + slug + " answered " + created.status() + ": " + created.body());
        }
        String key = created.body().get("admin_key").get("secret").asString();
        String email = "fresh-" + unique + "@e2e.sextant.test";
        String password = "fresh-password-" + unique;
        int status = post(server, key, "/api/v1/members",
                "{\"email\": \"" + email + "\", \"role\": \"" + role + "\", \"password\": \"" + password + "\"}");
        if (status != 201) {
            throw new IllegalStateException("adding " + email + " to " + slug + " answered " + status);
        }
        return new FreshWorkspace(slug, key, email, password);
    }

    /** Sends a native ingest body with the workspace's own key; answers the status. */
    int ingest(String json) {
        return post(Dashboard.server(), key, "/api/v1/ingest", json);
    }

    private static int post(RealServer server, String key, String path, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
