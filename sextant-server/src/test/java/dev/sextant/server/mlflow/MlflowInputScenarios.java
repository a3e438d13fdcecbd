package dev.sextant.server.mlflow;

import static dev.sextant.server.mlflow.MlflowTraffic.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The MLflow endpoints over raw HTTP: credentials, malformed and wrong-typed bodies, hostile ids,
 * batch limits, unsupported filters, proto-JSON forms of numbers; each refusal in MLflow's shape.
 */
abstract class MlflowInputScenarios {
    abstract SextantTestServer server();

    MlflowTraffic traffic() {
        return new MlflowTraffic(server());
    }

    @Test
    void credentialsAreTheApiKeyAsTrackingToken() {
        String admin = traffic().workspace();
        String run = traffic().run(admin, "auth-" + UUID.randomUUID());
        error(traffic().get("runs/get?run_id=" + run, null), 401, "UNAUTHENTICATED", "needs an API key");
        error(traffic().get("runs/get?run_id=" + run, "sk-not-a-real-key-0000000000000000"), 401, "UNAUTHENTICATED", "");
        error(traffic().post("runs/log-metric", null, "{}"), 401, "UNAUTHENTICATED", "");
        String viewer = traffic().key(admin, "analytics:view");
        String ingest = traffic().key(admin, "ingest:write");
        assertThat(traffic().get("runs/get?run_id=" + run, viewer).status()).isEqualTo(200);
        error(traffic().post("runs/log-metric", viewer, "{\"run_id\": \"" + run + "\", \"key\": \"loss\", \"value\": 1,"
                + " \"timestamp\": 1, \"step\": 0}"), 403, "PERMISSION_DENIED", "ingest:write");
        error(traffic().get("runs/get?run_id=" + run, ingest), 403, "PERMISSION_DENIED", "analytics:view");
        assertThat(traffic().post("runs/log-metric", ingest, "{\"run_id\": \"" + run + "\", \"key\": \"loss\", \"value\": 1,"
                + " \"timestamp\": 1, \"step\": 0}").status()).isEqualTo(200);

        String stranger = traffic().workspace();
        error(traffic().get("runs/get?run_id=" + run, stranger), 404, "RESOURCE_DOES_NOT_EXIST", run);
        error(traffic().get("metrics/get-history?run_id=" + run + "&metric_key=loss", stranger), 404,
                "RESOURCE_DOES_NOT_EXIST", run);
        error(traffic().get("experiments/get?experiment_id=1", stranger), 404, "RESOURCE_DOES_NOT_EXIST", "id=1");
        error(traffic().post("runs/update", stranger, "{\"run_id\": \"" + run + "\", \"status\": \"KILLED\"}"), 404,
                "RESOURCE_DOES_NOT_EXIST", run);
        error(traffic().post("runs/delete-tag", stranger, "{\"run_id\": \"" + run + "\", \"key\": \"mlflow.runName\"}"), 404,
                "RESOURCE_DOES_NOT_EXIST", run);
        assertThat(traffic().ok(traffic().post("runs/search", stranger, "{\"experiment_ids\": [\"1\"]}")).get("runs"))
                .isEmpty();
        assertThat(traffic().ok(traffic().get("runs/get?run_id=" + run, admin)).get("run").get("info").get("status")
                .asString()).isEqualTo("RUNNING");
    }

    @Test
    void badBodiesAreRefusedNamingTheField() {
        String key = traffic().workspace();
        String run = traffic().run(key, "bad-" + UUID.randomUUID());
        error(traffic().post("runs/log-metric", key, "{\"run_id\": "), 400, "BAD_REQUEST", "not valid JSON");
        error(traffic().post("runs/log-metric", key, "[1, 2]"), 400, "BAD_REQUEST", "JSON object");
        error(traffic().post("runs/log-metric", key, "{\"run_id\": \"" + run + "\", \"key\": \"loss\", \"value\": \"abc\","
                + " \"timestamp\": 1}"), 400, "INVALID_PARAMETER_VALUE", "'value'");
        error(traffic().post("runs/log-metric", key, "{\"run_id\": \"" + run + "\", \"key\": 5, \"value\": 1}"), 400,
                "INVALID_PARAMETER_VALUE", "'key'");
        error(traffic().post("runs/log-metric", key, "{\"run_id\": \"" + run + "\", \"key\": \"loss\", \"value\": 1,"
                + " \"step\": \"three\"}"), 400, "INVALID_PARAMETER_VALUE", "'step'");
        error(traffic().post("runs/log-metric", key, "{\"run_id\": \"" + run + "\", \"key\": \"loss\"}"), 400,
                "INVALID_PARAMETER_VALUE", "'value'");
        error(traffic().post("runs/log-metric", key, "{\"run_id\": \"" + run + "\", \"key\": \"lo\\u0001ss\", \"value\": 1}"),
                400, "INVALID_PARAMETER_VALUE", "control character");
        error(traffic().post("runs/set-tag", key, "{\"run_id\": \"" + run + "\", \"key\": \"k\", \"value\": \"a\\u0000b\"}"),
                400, "INVALID_PARAMETER_VALUE", "NUL");
        error(traffic().post("runs/log-parameter", key, "{\"run_id\": \"" + run + "\", \"key\": \"k\", \"value\": \""
                + "x".repeat(6001) + "\"}"), 400, "INVALID_PARAMETER_VALUE", "6000");
        error(traffic().post("experiments/create", key, "{\"name\": 5}"), 400, "INVALID_PARAMETER_VALUE", "'name'");
        error(traffic().post("experiments/create", key, "{}"), 400, "INVALID_PARAMETER_VALUE", "'name'");
        error(traffic().post("runs/update", key, "{\"run_id\": \"" + run + "\", \"status\": \"DONE\"}"), 400,
                "INVALID_PARAMETER_VALUE", "'status'");
        error(traffic().post("runs/create", key, "{\"experiment_id\": \"1\", \"tags\": {\"a\": \"b\"}}"), 400,
                "INVALID_PARAMETER_VALUE", "'tags'");
        error(traffic().post("runs/create", key, "{\"experiment_id\": \"999\"}"), 404, "RESOURCE_DOES_NOT_EXIST", "999");
        error(traffic().post("runs/create", key, "{\"experiment_id\": \"1\", \"tags\": [{\"key\": \"sextant.training_type\","
                + " \"value\": \"magic\"}]}"), 400, "INVALID_PARAMETER_VALUE", "fine_tuning");
        Response big = traffic().post("runs/set-tag", key, "{\"run_id\": \"" + run + "\", \"key\": \"k\", \"value\": \""
                + "x".repeat(1_100_000) + "\"}");
        error(big, 413, "BAD_REQUEST", "over the limit");
        String name = "dup-" + UUID.randomUUID();
        traffic().ok(traffic().post("experiments/create", key, "{\"name\": \"" + name + "\"}"));
        error(traffic().post("experiments/create", key, "{\"name\": \"" + name + "\"}"), 400, "RESOURCE_ALREADY_EXISTS",
                name);
    }

    @Test
    void unknownAndHostileIdsAreNotFound() {
        String key = traffic().workspace();
        error(traffic().get("runs/get?run_id=0123456789abcdef0123456789abcdef", key), 404, "RESOURCE_DOES_NOT_EXIST",
                "0123456789abcdef");
        error(traffic().get("runs/get?run_id=..%2F..%2Fetc", key), 404, "RESOURCE_DOES_NOT_EXIST", "");
        error(traffic().get("runs/get?run_id=a%00b", key), 404, "RESOURCE_DOES_NOT_EXIST", "");
        error(traffic().get("runs/get?run_id=" + "r".repeat(2000), key), 404, "RESOURCE_DOES_NOT_EXIST", "");
        error(traffic().get("runs/get", key), 400, "INVALID_PARAMETER_VALUE", "'run_id'");
        error(traffic().post("runs/log-batch", key, "{\"run_id\": \"' OR 1=1 --\"}"), 404, "RESOURCE_DOES_NOT_EXIST", "");
        error(traffic().get("experiments/get?experiment_id=abc", key), 404, "RESOURCE_DOES_NOT_EXIST", "abc");
        error(traffic().get("experiments/get?experiment_id=99999999999999999999", key), 404, "RESOURCE_DOES_NOT_EXIST", "");
        error(traffic().get("experiments/get-by-name?experiment_name=nope", key), 404, "RESOURCE_DOES_NOT_EXIST", "nope");
        error(traffic().get("experiments/get-by-name?experiment_name=a%00b", key), 404, "RESOURCE_DOES_NOT_EXIST", "a?b");
        error(traffic().get("experiments/get-by-name?experiment_name=" + "n".repeat(600), key), 404,
                "RESOURCE_DOES_NOT_EXIST", "nnn");
        error(traffic().get("metrics/get-history?run_id=" + traffic().run(key, "h-" + UUID.randomUUID())
                + "&metric_key=a%00b", key), 400, "INVALID_PARAMETER_VALUE", "control character");
        JsonNode fallback = traffic().ok(traffic().get("experiments/get?experiment_id=0", key)).get("experiment");
        assertThat(fallback.get("name").asString()).isEqualTo("Default");
        error(traffic().post("runs/delete-tag", key, "{\"run_id\": \"" + traffic().run(key, "t-" + UUID.randomUUID())
                + "\", \"key\": \"absent\"}"), 404, "RESOURCE_DOES_NOT_EXIST", "absent");
    }

    @Test
    void logBatchLimitsAreMlflows() {
        String key = traffic().workspace();
        String run = traffic().run(key, "limits-" + UUID.randomUUID());
        error(traffic().post("runs/log-batch", key, batch(run, 1001, 0, 0)), 400, "INVALID_PARAMETER_VALUE",
                "at most 1000 metrics. Got 1001");
        error(traffic().post("runs/log-batch", key, batch(run, 0, 101, 0)), 400, "INVALID_PARAMETER_VALUE",
                "at most 100 params. Got 101");
        error(traffic().post("runs/log-batch", key, batch(run, 0, 0, 101)), 400, "INVALID_PARAMETER_VALUE",
                "at most 100 tags. Got 101");
        JsonNode untouched = traffic().ok(traffic().get("runs/get?run_id=" + run, key)).get("run").get("data");
        assertThat(untouched.get("metrics")).isEmpty();
        assertThat(untouched.get("params")).isEmpty();
        traffic().ok(traffic().post("runs/log-batch", key, batch(run, 1000, 100, 100)));
        JsonNode full = traffic().ok(traffic().get("runs/get?run_id=" + run, key)).get("run").get("data");
        assertThat(full.get("metrics")).hasSize(1);
        assertThat(full.get("metrics").get(0).get("step").asLong()).isEqualTo(999);
        assertThat(full.get("params")).hasSize(100);
        assertThat(full.get("tags")).hasSize(101); // and mlflow.runName
        JsonNode history = traffic().ok(traffic().get("metrics/get-history?run_id=" + run + "&metric_key=m&max_results=600",
                key));
        assertThat(history.get("metrics")).hasSize(600);
        String token = history.get("next_page_token").asString();
        JsonNode rest = traffic().ok(traffic().get("metrics/get-history?run_id=" + run + "&metric_key=m&page_token=" + token,
                key));
        assertThat(rest.get("metrics")).hasSize(400);
        assertThat(rest.get("metrics").get(0).get("step").asLong()).isEqualTo(600);
        assertThat(rest.has("next_page_token")).isFalse();
        error(traffic().get("metrics/get-history?run_id=" + run + "&metric_key=m&page_token=bogus", key), 400,
                "INVALID_PARAMETER_VALUE", "page token");
        error(traffic().post("runs/log-batch", key, "{\"run_id\": \"" + run + "\", \"params\": [{\"key\": \"p0\","
                + " \"value\": \"other\"}]}"), 400, "INVALID_PARAMETER_VALUE", "p0");
        error(traffic().post("runs/log-batch", key, "{\"run_id\": \"" + run + "\", \"params\": [{\"key\": \"q\","
                + " \"value\": \"1\"}, {\"key\": \"q\", \"value\": \"2\"}]}"), 400, "INVALID_PARAMETER_VALUE", "q");
    }

    @Test
    void numbersInProtoJsonFormsAndFinishedRuns() {
        String key = traffic().workspace();
        String run = traffic().run(key, "forms-" + UUID.randomUUID());
        traffic().ok(traffic().post("runs/log-metric", key, "{\"run_id\": \"" + run + "\", \"key\": \"loss\", \"value\":"
                + " \"NaN\", \"timestamp\": \"1790000000000\", \"step\": \"3\"}"));
        traffic().ok(traffic().post("runs/log-metric", key, "{\"runUuid\": \"" + run + "\", \"key\": \"loss\", \"value\":"
                + " \"Infinity\", \"timestamp\": 1790000000001, \"step\": 4}"));
        JsonNode history = traffic().ok(traffic().get("metrics/get-history?run_id=" + run + "&metric_key=loss", key))
                .get("metrics");
        assertThat(history.toString()).isEqualTo("[{\"key\":\"loss\",\"value\":\"NaN\",\"timestamp\":1790000000000,"
                + "\"step\":3},{\"key\":\"loss\",\"value\":\"Infinity\",\"timestamp\":1790000000001,\"step\":4}]");
        error(traffic().post("runs/log-metric", key, "{\"run_id\": \"" + run + "\", \"key\": \"loss\", \"value\": 1,"
                + " \"step\": -1}"), 400, "INVALID_PARAMETER_VALUE", "'step'");
        traffic().ok(traffic().post("runs/update", key, "{\"run_id\": \"" + run + "\", \"status\": \"KILLED\", \"end_time\":"
                + " \"1790000009000\"}"));
        JsonNode info = traffic().ok(traffic().get("runs/get?run_id=" + run, key)).get("run").get("info");
        assertThat(info.get("status").asString()).isEqualTo("KILLED");
        assertThat(info.get("end_time").asLong()).isEqualTo(1_790_000_009_000L);
        error(traffic().post("runs/log-metric", key, "{\"run_id\": \"" + run + "\", \"key\": \"loss\", \"value\": 1}"),
                400, "INVALID_PARAMETER_VALUE", "running run");
        error(traffic().post("runs/update", key, "{\"run_id\": \"" + run + "\", \"status\": \"FINISHED\"}"), 400,
                "INVALID_PARAMETER_VALUE", "KILLED");
        traffic().ok(traffic().post("runs/log-parameter", key, "{\"run_id\": \"" + run + "\", \"key\": \"late\", \"value\":"
                + " \"ok\"}"));
        traffic().ok(traffic().post("runs/update", key, "{\"run_id\": \"" + run + "\", \"run_name\": \"renamed\"}"));
        assertThat(server().get("/api/v1/training/runs/" + run, key).json().get("status").asString()).isEqualTo("stopped");
        assertThat(server().get("/api/v1/training/runs/" + run, key).json().get("name").asString()).isEqualTo("renamed");
    }

    @Test
    void unsupportedFiltersAreNamed() {
        String key = traffic().workspace();
        String experiment = traffic().ok(traffic().post("experiments/create", key, "{\"name\": \"f\"}"))
                .get("experiment_id").asString();
        for (String[] bad : new String[][] {
                {"metrics.a < 1 OR params.b = 'x'", "'OR'"},
                {"params.b LIKE 'x%'", "'LIKE'"},
                {"tags.t IN ('a', 'b')", "'IN'"},
                {"(metrics.a < 1)", "'('"},
                {"params.b < '1'", "'params.b <'"},
                {"metrics.a = 'high'", "compares with a number"},
                {"datasets.name = 'x'", "'datasets.name'"},
                {"loss < 1", "'loss'"},
                {"metrics.a <", "expected a quoted string or a number"},
                {"params.b = 'open", "never closed"}}) {
            error(traffic().post("runs/search", key, "{\"experiment_ids\": [\"" + experiment + "\"], \"filter\": \""
                    + bad[0].replace("\"", "\\\"") + "\"}"), 400, "INVALID_PARAMETER_VALUE", bad[1]);
        }
        error(traffic().post("runs/search", key, "{\"experiment_ids\": [\"" + experiment + "\"], \"order_by\":"
                + " [\"tags.x DESC\"]}"), 400, "INVALID_PARAMETER_VALUE", "order_by");
        error(traffic().post("runs/search", key, "{}"), 400, "INVALID_PARAMETER_VALUE", "experiment_ids");
        error(traffic().post("runs/search", key, "{\"experiment_ids\": [\"x\"]}"), 400, "INVALID_PARAMETER_VALUE", "'x'");
        error(traffic().post("runs/search", key, "{\"experiment_ids\": [\"1\"], \"max_results\": 50001}"), 400,
                "INVALID_PARAMETER_VALUE", "max_results");
        error(traffic().post("experiments/search", key, "{\"filter\": \"metrics.a < 1\"}"), 400, "INVALID_PARAMETER_VALUE",
                "attributes and tags only");
        JsonNode all = traffic().ok(traffic().post("experiments/search", key, "{\"max_results\": 1}"));
        assertThat(all.get("experiments")).hasSize(1);
        assertThat(all.get("next_page_token").asString()).isNotEmpty();
    }

    private static String batch(String run, int metrics, int params, int tags) {
        List<String> m = new ArrayList<>();
        for (int i = 0; i < metrics; i++) {
            m.add("{\"key\": \"m\", \"value\": " + (i * 0.5) + ", \"timestamp\": " + (1_790_000_000_000L + i) + ", \"step\": " + i + "}");
        }
        List<String> p = new ArrayList<>();
        for (int i = 0; i < params; i++) {
            p.add("{\"key\": \"p" + i + "\", \"value\": \"" + i + "\"}");
        }
        List<String> t = new ArrayList<>();
        for (int i = 0; i < tags; i++) {
            t.add("{\"key\": \"t" + i + "\", \"value\": \"" + i + "\"}");
        }
        return "{\"run_id\": \"" + run + "\", \"metrics\": [" + String.join(",", m) + "], \"params\": [" + String.join(",", p)
                + "], \"tags\": [" + String.join(",", t) + "]}";
    }
}
