package dev.sextant.server.configurations;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Requests the configuration ITs share: workspaces, keys, a configuration made in one call. */
final class ConfigurationTraffic {
    static final String CONTENT = """
            {"prompt_templates": {"greeting": "Hello {{name}}"},
             "behaviour": {"model": "gpt-4o", "temperature": 0.2, "max_tokens": 500, "tone": "friendly"},
             "interface": {"language": "en"}}""";

    private final SextantTestServer server;

    /** The JSON text as the server writes it back: no whitespace between tokens. */
    static String compact(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json).toString();
    }

    ConfigurationTraffic(SextantTestServer server) {
        this.server = server;
    }

    /** A new workspace; answers its admin key. */
    String workspace(String slug) {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    String key(String adminKey, String name, String... scopes) {
        String list = String.join(", ", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList());
        Response created = server.post("/api/v1/api-keys", adminKey, "{\"name\": \"" + name + "\", \"scopes\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    JsonNode create(String key, String id, String agent, String content) {
        Response r = server.post("/api/v1/configurations", key, """
                {"id": "%s", "agent_id": "%s", "name": "Support prompt", "content": %s, "message": "first"}"""
                .formatted(id, agent, content));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    JsonNode ok(String path, String key) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode post(String path, String key, String json, int status) {
        Response r = server.post(path, key, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r.json();
    }
}
