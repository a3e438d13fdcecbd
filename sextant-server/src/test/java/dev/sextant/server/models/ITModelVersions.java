package dev.sextant.server.models;

import static dev.sextant.server.models.ModelTraffic.evaluation;
import static dev.sextant.server.models.ModelTraffic.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Model versions through the real server on embedded DuckDB: the story, bad input, scopes. */
class ITModelVersions {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    private static final ModelTraffic traffic = new ModelTraffic(server);

    @Test
    void versionsAreComparedTrackedForDriftAndLaidOnATimeline() {
        ModelScenario.run(server, "mv-story");
    }

    @Test
    void aBadParentIsNamedAndADuplicateIsAConflict() {
        String key = traffic.workspace("mv-parents");
        traffic.created("/api/v1/model-versions", key, version("v1", "1.0", "ft:a", null, null));
        traffic.created("/api/v1/model-versions", key, version("o1", "1.0", "ft:o", null, null)
                .replace("support-bot", "other-bot"));
        assertFieldProblem(server.post("/api/v1/model-versions", key, version("v2", "2.0", "ft:b", "nope", null)),
                "parent_version_id", "parent version 'nope' does not exist in this workspace");
        assertFieldProblem(server.post("/api/v1/model-versions", key, version("v2", "2.0", "ft:b", "v2", null)),
                "parent_version_id", "a version cannot be its own parent: parent_version_id 'v2' would make a cycle");
        assertFieldProblem(server.post("/api/v1/model-versions", key, version("v2", "2.0", "ft:b", "o1", null)),
                "parent_version_id", "parent version 'o1' is a version of agent 'other-bot', not of 'support-bot'");
        Response label = server.post("/api/v1/model-versions", key, version("v2", "1.0", "ft:b", "v1", null));
        assertThat(label.status()).isEqualTo(409);
        assertThat(label.json().get("detail").asString()).isEqualTo("agent 'support-bot' already has a version labelled '1.0'");
        Response id = server.post("/api/v1/model-versions", key, version("v1", "9.0", "ft:b", null, null));
        assertThat(id.status()).isEqualTo(409);
        assertThat(id.json().get("detail").asString()).isEqualTo("model version 'v1' already exists in this workspace");
        assertThat(traffic.ok("/api/v1/model-versions?agent_id=support-bot", key).get("versions").size()).isEqualTo(1);
        JsonNode generated = traffic.created("/api/v1/model-versions", key,
                version("x", "2.0", "ft:b", "v1", null).replace("\"id\": \"x\", ", ""));
        assertThat(generated.get("id").asString()).startsWith("mv_");
    }

    @Test
    void wrongTypesAndValuesAreAnsweredWithTheFieldAndTheReason() {
        String key = traffic.workspace("mv-bodies");
        String base = version("v1", "1.0", "ft:a", null, null);
        Map<String, String> bodies = Map.of(
                "agent_id", base.replace("\"agent_id\": \"support-bot\"", "\"agent_id\": 5"),
                "deployed_at", base.replace("\"notes\"", "\"deployed_at\": 12, \"notes\""),
                "tags", base.replace("[\"prod\", \"eu\"]", "\"prod\""),
                "training_type", base.replace("fine_tuning", "magic"),
                "model_id", base.replace("\"model_id\": \"ft:a\"", "\"model_id\": \"  \""),
                "notes", base.replace("tuned on November tickets", "x".repeat(4001)),
                "id", base.replace("\"id\": \"v1\"", "\"id\": \"../etc\""),
                "version_label", base.replace("\"1.0\"", "\"a\\u0000b\""));
        for (Map.Entry<String, String> e : bodies.entrySet()) {
            Response r = server.post("/api/v1/model-versions", key, e.getValue());
            assertThat(r.status()).as(e.getKey() + ": " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).as(e.getKey()).isEqualTo(e.getKey());
        }
        Response unknown = server.post("/api/v1/model-versions", key, base.replace("\"notes\"", "\"note\": 1, \"notes\""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(server.post("/api/v1/model-versions", key, "{\"id\": ").status()).isEqualTo(400);
        assertThat(server.post("/api/v1/model-versions", key, "[]").status()).isEqualTo(400);
        Response huge = server.post("/api/v1/model-versions", key, base.replace("tuned on November tickets",
                "x".repeat(1_100_000)));
        assertThat(huge.status()).isEqualTo(413);
        String hostile = "'; DROP TABLE model_versions; -- <script>alert(1)</script> ü 🚀";
        JsonNode kept = traffic.created("/api/v1/model-versions", key, base.replace("\"1.0\"", "\"" + hostile + "\""));
        assertThat(kept.get("version_label").asString()).isEqualTo(hostile);
        assertThat(traffic.ok("/api/v1/model-versions/v1", key).get("version_label").asString()).isEqualTo(hostile);
    }

    @Test
    void anEvaluationNeedsFiniteNumbersAndAFractionForItsPrimaryMetric() {
        String key = traffic.workspace("mv-evals");
        traffic.created("/api/v1/model-versions", key, version("v1", "1.0", "ft:a", null, null));
        String path = "/api/v1/model-versions/v1/evaluations";
        assertThat(server.post(path, key, "{\"benchmark\": \"b\", \"metrics\": {\"accuracy\": NaN}}").status()).isEqualTo(400);
        assertPointer(server.post(path, key, "{\"benchmark\": \"b\", \"metrics\": {\"accuracy\": \"NaN\"}}"),
                "/metrics/accuracy", "metric 'accuracy' must be a finite number, was \"NaN\"");
        assertPointer(server.post(path, key, "{\"benchmark\": \"b\", \"metrics\": {\"accuracy\": 0.9, \"loss\": 1e999}}"),
                "/metrics/loss", "metric 'loss' must be a finite number; it overflows a 64-bit float");
        assertPointer(server.post(path, key, "{\"benchmark\": \"b\", \"metrics\": {\"accuracy\": 87}}"),
                "/metrics/accuracy", "the primary metric 'accuracy' is a fraction from 0 to 1, was 87.0");
        assertFieldProblem(server.post(path, key, "{\"benchmark\": \"b\", \"metrics\": {\"bleu\": 31}}"), "metrics",
                "metrics must include the primary metric 'accuracy' (name another with primary_metric)");
        assertFieldProblem(server.post(path, key, "{\"benchmark\": \"b\", \"metrics\": [0.9]}"), "metrics",
                "metrics must be an object of metric name to number, was array");
        assertFieldProblem(server.post(path, key, "{\"metrics\": {\"accuracy\": 0.9}}"), "benchmark", "benchmark is required");
        assertFieldProblem(server.post(path, key, "{\"benchmark\": \"b\"}"), "metrics",
                "metrics is required: an object of metric name to number");
        assertFieldProblem(server.post(path, key, "{\"benchmark\": \"b\", \"metrics\": {\"accuracy\": 0.9},"
                + " \"sample_size\": 0}"), "sample_size", "sample_size is the number of examples evaluated, from 1 to"
                + " 1000000000, was 0");
        assertThat(server.post(path, key, "{\"benchmark\": \"b\", \"metrics\": {\"accuracy\": 0.9}, \"sample_size\": \"ten\"}")
                .status()).isEqualTo(400);
        assertThat(server.post("/api/v1/model-versions/missing/evaluations", key, evaluation("b", 0.5)).status()).isEqualTo(404);
        JsonNode other = traffic.created(path, key, "{\"benchmark\": \"wmt\", \"metrics\": {\"bleu\": 0.315},"
                + " \"primary_metric\": \"bleu\"}");
        assertThat(other.get("primary_metric").asString()).isEqualTo("bleu");
        assertThat(other.get("evaluated_at").isNull()).isFalse();
        assertThat(traffic.ok(path, key).get("evaluations").size()).isEqualTo(1);
    }

    @Test
    void parametersAreCheckedAndUnknownVersionsAre404() {
        String key = traffic.workspace("mv-params");
        traffic.created("/api/v1/model-versions", key, version("v1", "1.0", "ft:a", null, null));
        assertThat(server.get("/api/v1/model-versions?agent=bot", key).json().get("errors").get(0).get("parameter")
                .asString()).isEqualTo("agent");
        assertThat(server.get("/api/v1/model-versions?agent_id=", key).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/model-versions?agent_id=a%00b", key).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/model-versions/timeline", key).json().get("errors").get(0).get("message").asString())
                .isEqualTo("agent_id is required: the agent whose versions to show");
        for (String window : List.of("0", "101", "abc", "1.5")) {
            Response r = server.get("/api/v1/model-versions/timeline?agent_id=support-bot&window=" + window, key);
            assertThat(r.status()).as(window).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("parameter").asString()).isEqualTo("window");
        }
        assertThat(server.get("/api/v1/model-versions/timeline?agent_id=nobody", key).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/model-versions/v1/comparison?against=v1", key).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/model-versions/v1/comparison?against=missing", key).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/model-versions/missing", key).status()).isEqualTo(404);
        // an encoded slash is refused by the server's firewall before any endpoint; other odd ids are simply unknown
        assertThat(server.get("/api/v1/model-versions/%2E%2E%2Fx", key).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/model-versions/a%20b", key).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/model-versions/a%20b/drift", key).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/model-versions/v1?x=1", key).status()).isEqualTo(400);
        assertThat(server.post("/api/v1/model-versions", key, version("timeline", "2.0", "ft:a", null, null)).status())
                .isEqualTo(400);
    }

    @Test
    void keysNeedTheirScopes() {
        String admin = traffic.workspace("mv-scopes");
        String viewer = traffic.key(admin, "viewer", "analytics:view");
        String config = traffic.key(admin, "config", "config:write");
        String ingest = traffic.key(admin, "ingest", "ingest:write");
        assertThat(server.post("/api/v1/model-versions", config, version("v1", "1.0", "ft:a", null, null)).status())
                .isEqualTo(201);
        assertThat(server.post("/api/v1/model-versions/v1/evaluations", config, evaluation("b", 0.5)).status()).isEqualTo(201);
        Response denied = server.post("/api/v1/model-versions", viewer, version("v2", "2.0", "ft:a", null, null));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("required_scope").asString()).isEqualTo("config:write");
        assertThat(server.post("/api/v1/model-versions/v1/evaluations", viewer, evaluation("b", 0.5)).status()).isEqualTo(403);
        for (String path : List.of("/api/v1/model-versions", "/api/v1/model-versions/v1",
                "/api/v1/model-versions/v1/evaluations", "/api/v1/model-versions/timeline?agent_id=support-bot")) {
            assertThat(server.get(path, viewer).status()).as(path).isEqualTo(200);
            Response r = server.get(path, ingest);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.json().get("required_scope").asString()).isEqualTo("analytics:view");
            assertThat(server.send(server.request(path).GET().build()).status()).as(path).isEqualTo(401);
        }
        assertThat(server.get("/api/v1/model-versions/v1/comparison", viewer).status()).isEqualTo(409);
        assertThat(server.get("/api/v1/model-versions/v1/drift", viewer).status()).isEqualTo(409);
    }

    static void assertFieldProblem(Response r, String field, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo(message);
    }

    static void assertPointer(Response r, String pointer, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("metrics");
        assertThat(r.json().get("errors").get(0).get("pointer").asString()).isEqualTo(pointer);
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo(message);
    }
}
