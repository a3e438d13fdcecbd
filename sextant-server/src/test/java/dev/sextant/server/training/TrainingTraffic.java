package dev.sextant.server.training;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Requests the training ITs share: workspaces, keys, runs, metric batches. */
final class TrainingTraffic {
    private final SextantTestServer server;

    TrainingTraffic(SextantTestServer server) {
        this.server = server;
    }

    /** A new workspace; answers its admin key. */
    String workspace() {
        String slug = "tr-" + UUID.randomUUID().toString().substring(0, 8);
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

    static String run(String id, long totalSteps) {
        return """
                {"id": "%s", "agent_id": "support-bot", "name": "sft tickets", "base_model": "llama-3-8b",
                 "training_type": "fine_tuning",
                 "hyperparameters": {"learning_rate": 0.0001, "batch_size": 32, "epochs": 3, "warmup_steps": 100,
                   "gradient_accumulation_steps": 4, "scheduler": "cosine"},
                 "dataset": {"id": "ds-1", "name": "tickets", "size": 12000, "source": "s3://b/t.jsonl", "split": "train"},
                 "total_steps": %d, "tags": {"team": "support"}}""".formatted(id, totalSteps);
    }

    JsonNode created(String key, String json) {
        Response r = server.post("/api/v1/training/runs", key, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    JsonNode ok(String path, String key) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    Response metrics(String key, String runId, String json) {
        return server.post("/api/v1/training/runs/" + runId + "/metrics", key, json);
    }

    JsonNode logged(String key, String runId, String json) {
        Response r = metrics(key, runId, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    Response put(String path, String key, String json) {
        return server.send(SextantTestServer.authorized(server.request(path), key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** One point's JSON with these metrics (values as written, e.g. NaN, "Infinity", 1.5). */
    static String point(long step, double epoch, String metrics) {
        return "{\"step\": " + step + ", \"epoch\": " + epoch + ", \"metrics\": {" + metrics + "}}";
    }

    static String batch(List<String> points) {
        return "{\"points\": [" + String.join(", ", points) + "]}";
    }
}
