package dev.sextant.server.mlflow;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.List;
import java.util.UUID;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import tools.jackson.databind.JsonNode;

/** Workspaces, keys, MLflow clients and raw MLflow calls the MLflow ITs share. */
record MlflowTraffic(SextantTestServer server) {
    static final String API = "/api/2.0/mlflow/";

    /** A new workspace; answers its admin key. */
    String workspace() {
        String slug = "ml-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    String key(String adminKey, String... scopes) {
        String list = String.join(", ", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList());
        Response created = server.post("/api/v1/api-keys", adminKey, "{\"name\": \"k-" + UUID.randomUUID() + "\", \"scopes\": ["
                + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    /** The real MLflow Java client, pointed at the server with the key as its tracking token. */
    MlflowClient client(String key) {
        String uri = server.uri("").toString();
        return new MlflowClient(new BasicMlflowHostCreds(uri, key));
    }

    Response post(String endpoint, String key, String json) {
        return server.post(API + endpoint, key, json);
    }

    Response get(String endpointWithQuery, String key) {
        return server.get(API + endpointWithQuery, key);
    }

    JsonNode ok(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** An MLflow error answer: this status, this code, a message containing {@code text}. */
    static void error(Response r, int status, String code, String text) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/json");
        assertThat(r.json().get("error_code").asString()).as(r.toString()).isEqualTo(code);
        assertThat(r.json().get("message").asString()).as(r.toString()).contains(text);
    }

    /** Creates an experiment and a run by raw HTTP; answers the run id. */
    String run(String key, String experiment) {
        String id = ok(post("experiments/create", key, "{\"name\": \"" + experiment + "\"}")).get("experiment_id").asString();
        return ok(post("runs/create", key, "{\"experiment_id\": \"" + id + "\", \"run_name\": \"raw\"}"))
                .get("run").get("info").get("run_id").asString();
    }
}
