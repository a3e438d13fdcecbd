package dev.sextant.server.experiments;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Requests the experiment ITs share: workspaces, keys, definitions, PUT. */
final class ExperimentTraffic {
    private final SextantTestServer server;

    ExperimentTraffic(SextantTestServer server) {
        this.server = server;
    }

    /** A 50/50 definition with this id. */
    static String body(String id) {
        return """
                {"id": "%s", "name": "Shorter prompt", "hypothesis": "a shorter prompt answers faster",
                 "agent_id": "support-bot",
                 "variants": [
                   {"id": "control", "name": "Current", "configuration_version": "support-prompt-v1", "allocation": 50},
                   {"id": "short", "name": "Short", "configuration_version": "support-prompt-v2", "allocation": 50}],
                 "success_metrics": ["success_rate", "satisfaction"], "minimum_sample_size": 1000,
                 "minimum_detectable_effect": 0.02, "baseline": 0.1,
                 "starts_at": "2026-11-01T00:00:00Z", "ends_at": "2026-12-01T00:00:00Z"}""".formatted(id);
    }

    /** A new workspace with the configuration versions the definitions name; answers its admin key. */
    String workspace(String slug) {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String key = created.json().get("admin_key").get("secret").asString();
        versions(key);
        return key;
    }

    /**
     * The configuration versions the experiment ITs name, in the key's workspace:
     * support-prompt-v1 and -v2, cfg-v1 and -v2, c-v1.
     */
    void versions(String key) {
        for (String id : List.of("support-prompt", "cfg", "c")) {
            Response r = server.post("/api/v1/configurations", key, "{\"id\": \"" + id + "\", \"agent_id\": \"support-bot\","
                    + " \"content\": {\"behaviour\": {\"temperature\": 0.2}}}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            if (!id.equals("c")) {
                Response v2 = server.post("/api/v1/configurations/" + id + "/versions", key,
                        "{\"content\": {\"behaviour\": {\"temperature\": 0.3}}}");
                assertThat(v2.status()).as(v2.toString()).isEqualTo(201);
            }
        }
    }

    String key(String adminKey, String name, String... scopes) {
        String list = String.join(", ", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList());
        Response created = server.post("/api/v1/api-keys", adminKey, "{\"name\": \"" + name + "\", \"scopes\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    JsonNode created(String key, String json) {
        Response r = server.post("/api/v1/experiments", key, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    JsonNode ok(String path, String key) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    Response put(String path, String key, String json) {
        return server.send(SextantTestServer.authorized(server.request(path), key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
