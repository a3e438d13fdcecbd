package dev.sextant.server.prompts;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Requests the prompt template ITs share: workspaces, keys, PUT, ingest, and 200s. */
final class PromptTraffic {
    private final SextantTestServer server;

    PromptTraffic(SextantTestServer server) {
        this.server = server;
    }

    /** A new workspace; answers its admin key (named "admin"). */
    String workspace(String slug) {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    /** A new key of the workspace; answers {secret, id}. */
    String[] key(String adminKey, String name, String... scopes) {
        String list = String.join(", ", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList());
        Response created = server.post("/api/v1/api-keys", adminKey, "{\"name\": \"" + name + "\", \"scopes\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new String[] {created.json().get("secret").asString(), created.json().get("id").asString()};
    }

    Response put(String path, String key, String json) {
        return server.send(SextantTestServer.authorized(server.request(path), key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    void ingest(String key, List<String> items) {
        Response r = server.post("/api/v1/ingest", key, "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    JsonNode ok(String path, String key) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** Creates a template; asserts 201. */
    JsonNode create(String key, String body) {
        Response r = server.post("/api/v1/prompt-templates", key, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }
}
