package dev.sextant.server.hpo;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Requests the HPO ITs share: workspaces, keys, studies, trials. */
final class HpoTraffic {
    static final String STUDIES = "/api/v1/hpo/studies";
    private final SextantTestServer server;

    HpoTraffic(SextantTestServer server) {
        this.server = server;
    }

    /** A study over learning_rate (log), dropout, layers (int) and optimizer, minimizing validation loss. */
    static String study(String method) {
        return """
                {"name": "tune lr", "agent_id": "support-bot", "method": "%s",
                 "objective": {"metric": "validation_loss", "direction": "minimize"},
                 "search_space": {
                   "learning_rate": {"type": "float", "low": 1e-5, "high": 1e-1, "log": true},
                   "dropout": {"type": "float", "low": 0, "high": 0.5},
                   "layers": {"type": "int", "low": 1, "high": 4},
                   "optimizer": {"type": "categorical", "values": ["adam", "sgd"]}},
                 "baseline": {"hyperparameters": {"learning_rate": 0.01, "dropout": 0.1, "layers": 2, "optimizer": "sgd"},
                   "score": 0.9},
                 "seed": 7}""".formatted(method);
    }

    /** A trial at these values with this score. */
    static String trial(double lr, double dropout, long layers, String optimizer, double score) {
        return """
                {"hyperparameters": {"learning_rate": %s, "dropout": %s, "layers": %d, "optimizer": "%s"},
                 "score": %s, "training_time_seconds": 120.5, "convergence_epoch": 7, "overfitting": false,
                 "run_id": "run-1", "status": "completed"}""".formatted(lr, dropout, layers, optimizer, score);
    }

    /** The loss the ITs' synthetic model reaches: best at learning_rate 1e-3, a little better with adam. */
    static double loss(JsonNode h) {
        double l = Math.log10(h.get("learning_rate").asDouble()) + 3;
        return 0.2 + l * l * 0.1 + (h.get("optimizer").asString().equals("adam") ? 0 : 0.05);
    }

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

    JsonNode created(String key, String path, String json) {
        Response r = server.post(path, key, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    JsonNode ok(String path, String key) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode suggest(String id, String key) {
        Response r = server.post(STUDIES + "/" + id + "/suggest", key, "");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
