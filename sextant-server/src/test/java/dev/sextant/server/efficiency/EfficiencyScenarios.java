package dev.sextant.server.efficiency;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Training efficiency and transfer-learning effectiveness through the real server, on runs and
 * versions built over the API whose figures are worked out here by hand; run on DuckDB and
 * PostgreSQL by the two IT classes.
 */
abstract class EfficiencyScenarios {
    static final String EFFICIENCY = "/api/v1/training/efficiency";
    static final String TRANSFER = "/api/v1/model-versions/transfer";

    abstract SextantTestServer server();

    String workspace() {
        String slug = "eff-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = server().post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    String key(String admin, String scope) {
        Response r = server().post("/api/v1/api-keys", admin, "{\"name\": \"k-" + scope + "\", \"scopes\": [\"" + scope + "\"]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("secret").asString();
    }

    void ok(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
    }

    /**
     * A finished run started on {@code day} (2026-11-DD) at midnight and ended {@code hours} later,
     * with validation losses at epochs 1, 2, ... and the resources given (null: not reported).
     */
    void run(String key, String id, String agent, String type, String base, String hyperparameters, String tags,
            int day, double hours, Double gpu, String cost, Long tokens, double... losses) {
        String start = "2026-11-%02dT00:00:00Z".formatted(day);
        ok(server().post("/api/v1/training/runs", key, """
                {"id": "%s", "agent_id": "%s", "training_type": "%s", "base_model": "%s", "hyperparameters": %s,
                 "tags": %s, "started_at": "%s"}""".formatted(id, agent, type, base, hyperparameters, tags, start)), 201);
        List<String> points = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            points.add("{\"step\": " + 100 * (i + 1) + ", \"epoch\": " + (i + 1) + ", \"metrics\": {\"val_loss\": "
                    + losses[i] + ", \"train_loss\": 9}}");
        }
        if (!points.isEmpty()) {
            ok(server().post("/api/v1/training/runs/" + id + "/metrics", key, "{\"points\": [" + String.join(", ", points)
                    + "]}"), 200);
        }
        ok(put("/api/v1/training/runs/" + id + "/resources", key, "{\"gpu_hours\": " + gpu + ", \"cost_usd\": " + cost
                + ", \"tokens_processed\": " + tokens + "}"), 200);
        long minutes = Math.round(hours * 60);
        ok(server().post("/api/v1/training/runs/" + id + "/finish", key, "{\"status\": \"completed\", \"ended_at\": \""
                + java.time.Instant.parse(start).plusSeconds(minutes * 60) + "\"}"), 200);
    }

    Response put(String path, String key, String json) {
        return server().send(SextantTestServer.authorized(server().request(path), key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    JsonNode get(String path, String key) {
        Response r = server().get(path, key);
        ok(r, 200);
        return r.json();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * The runs of TrainingEfficiencyTest, through the API. a: batch 32, 10 epochs, 10 GPU h, $20, 1M tokens, best
     * 0.5 at epoch 4 of 10 (improvement 0.5, overtrained: 6 epochs, 6 GPU h, $12 wasted); b: batch 32, 5 epochs,
     * 4 GPU h, $8, 500k, improvement 0.5; c: batch 64, 5 epochs, 8 GPU h, $16, 400k, improvement 0.25; d: batch
     * 128, 2 GPU h, one evaluation. Left out: a running run, another agent's, one started on 11-01 ("early", before
     * the window of the first test) and one in October ("oct", no resources).
     */
    void efficiencyRuns(String key) {
        run(key, "a", "bot", "fine_tuning", "llama", "{\"batch_size\": 32, \"epochs\": 10}", "{}", 2, 10, 10.0, "20",
                1_000_000L, 1.0, 0.8, 0.6, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8);
        run(key, "b", "bot", "fine_tuning", "llama", "{\"batch_size\": 32, \"epochs\": 5}", "{}", 3, 4, 4.0, "8",
                500_000L, 1.2, 1.0, 0.9, 0.8, 0.7);
        run(key, "c", "bot", "fine_tuning", "llama", "{\"batch_size\": 64, \"epochs\": 5}", "{}", 4, 8, 8.0, "16",
                400_000L, 1.0, 0.9, 0.85, 0.8, 0.75);
        run(key, "d", "bot", "fine_tuning", "llama", "{\"batch_size\": 128, \"epochs\": 5}", "{}", 5, 2, 2.0, null,
                null, 1.0);
        run(key, "other-agent", "helper", "fine_tuning", "llama", "{\"batch_size\": 8}", "{}", 6, 1, 100.0, "1000", 1L,
                5.0, 1.0);
        ok(server().post("/api/v1/training/runs", key, "{\"id\": \"still-running\", \"agent_id\": \"bot\","
                + " \"training_type\": \"fine_tuning\", \"started_at\": \"2026-11-07T00:00:00Z\"}"), 201);
        run(key, "early", "bot", "fine_tuning", "llama", "{\"batch_size\": 64}", "{}", 1, 1, 50.0, "50", 1L, 2.0, 1.0);
        ok(server().post("/api/v1/training/runs", key, "{\"id\": \"oct\", \"agent_id\": \"bot\", \"training_type\":"
                + " \"fine_tuning\", \"started_at\": \"2026-10-15T00:00:00Z\"}"), 201);
        ok(server().post("/api/v1/training/runs/oct/finish", key, "{\"status\": \"completed\"}"), 200);
    }

    @Test
    void efficiencyOfTheWorkspacesFinishedRunsWithKnownAnswers() {
        String key = workspace();
        efficiencyRuns(key);
        // "early" started on 11-01, so from 11-02 leaves it out; "oct" started in October.
        JsonNode e = get(EFFICIENCY + "?agent_id=bot&from=2026-11-02T00:00:00Z&to=2026-12-01T00:00:00Z", key);
        assertThat(e.get("run_count").asInt()).isEqualTo(4);
        assertThat(e.get("truncated").asBoolean()).isFalse();
        assertThat(e.get("totals").get("gpu_hours").asDouble()).isEqualTo(24.0);
        assertThat(e.get("totals").get("cost_usd").asDouble()).isEqualTo(44.0);
        assertThat(e.get("totals").get("tokens_processed").asDouble()).isEqualTo(1_900_000.0);
        assertThat(e.get("compute_efficiency").get("improvement_per_gpu_hour").asDouble()).isCloseTo(1.25 / 22, within(1e-9));
        assertThat(e.get("compute_efficiency").get("tokens_per_gpu_hour").asDouble()).isCloseTo(1_900_000 / 22.0, within(1e-6));
        assertThat(e.get("cost_efficiency").get("improvement_per_dollar").asDouble()).isCloseTo(1.25 / 44, within(1e-9));
        JsonNode over = e.get("overtrained_runs");
        assertThat(over).hasSize(1);
        assertThat(over.get(0).get("run_id").asString()).isEqualTo("a");
        assertThat(over.get(0).get("best_epoch").asDouble()).isEqualTo(4.0);
        assertThat(over.get(0).get("wasted_epochs").asDouble()).isEqualTo(6.0);
        assertThat(over.get(0).get("wasted_gpu_hours").asDouble()).isCloseTo(6, within(1e-9));
        assertThat(over.get(0).get("wasted_cost_usd").asDouble()).isCloseTo(12, within(1e-9));
        JsonNode batch = e.get("batch_sizes");
        assertThat(batch.get("status").asString()).isEqualTo("compared");
        assertThat(batch.get("best_value").asLong()).isEqualTo(32);
        assertThat(batch.get("groups").get(0).get("run_ids").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(batch.get("groups").get(0).get("gpu_hours_per_improvement").asDouble()).isCloseTo(14, within(1e-9));
        JsonNode wide = batch.get("groups").get(1);
        assertThat(wide.get("value").asLong()).isEqualTo(64);
        assertThat(wide.get("wasted").asBoolean()).isTrue();
        assertThat(wide.get("ratio_to_best").asDouble()).isCloseTo(32 / 14.0, within(1e-9));
        assertThat(wide.get("excess_gpu_hours").asDouble()).isCloseTo(8 - 14 * 0.25, within(1e-9));
        assertThat(wide.get("excess_cost_usd").asDouble()).isCloseTo(16 - 28 * 0.25, within(1e-9));
        JsonNode epochs = e.get("epochs");
        assertThat(epochs.get("best_value").asLong()).isEqualTo(5);
        assertThat(epochs.get("groups").get(1).get("value").asLong()).isEqualTo(10);
        assertThat(epochs.get("groups").get(1).get("excess_gpu_hours").asDouble()).isCloseTo(10 - 16 * 0.5, within(1e-9));
        assertThat(e.get("potential_savings").get("gpu_hours").asDouble()).isCloseTo(6, within(1e-9));
        assertThat(e.get("potential_savings").get("cost_usd").asDouble()).isCloseTo(12, within(1e-9));
        assertThat(e.get("potential_savings").get("run_ids").toString()).isEqualTo("[\"a\"]");
        JsonNode d = null;
        for (JsonNode r : e.get("runs")) {
            if (r.get("run_id").asString().equals("d")) {
                d = r;
            }
        }
        assertThat(d).isNotNull();
        assertThat(d.get("improvement").isNull()).isTrue();
        assertThat(d.get("cost_usd").isNull()).isTrue();

        // without filters: every finished run of the workspace (a, b, c, d, other-agent, early, oct)
        JsonNode all = get(EFFICIENCY, key);
        assertThat(all.get("run_count").asInt()).isEqualTo(7);
        assertThat(all.get("totals").get("gpu_hours").asDouble()).isEqualTo(24.0 + 100 + 50);
        assertThat(get(EFFICIENCY + "?agent_id=helper", key).get("run_count").asInt()).isEqualTo(1);
        assertThat(get(EFFICIENCY + "?to=2026-11-01T00:00:00Z", key).get("run_count").asInt()).isEqualTo(1);
    }

    @Test
    void efficiencyReadsOnlyTheCallersWorkspaceAndChecksItsParameters() {
        String key = workspace();
        efficiencyRuns(key);
        String other = workspace();
        JsonNode theirs = get(EFFICIENCY + "?agent_id=bot", other);
        assertThat(theirs.get("run_count").asInt()).isZero();
        assertThat(theirs.get("runs")).isEmpty();
        assertThat(theirs.get("compute_efficiency").get("improvement_per_gpu_hour").isNull()).isTrue();
        assertThat(theirs.get("batch_sizes").get("status").asString()).isEqualTo("insufficient_data");
        assertThat(theirs.get("potential_savings").get("gpu_hours").asDouble()).isZero();

        assertThat(server().get(EFFICIENCY, null).status()).isEqualTo(401);
        assertThat(server().get(EFFICIENCY, key(key, "ingest:write")).status()).isEqualTo(403);
        assertThat(server().get(EFFICIENCY, key(key, "analytics:view")).status()).isEqualTo(200);
        assertProblem(server().get(EFFICIENCY + "?from=yesterday", key), "from",
                "from must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was 'yesterday'");
        assertProblem(server().get(EFFICIENCY + "?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", key), "to",
                "to (2026-11-01T00:00:00Z) must be after from (2026-11-02T00:00:00Z)");
        assertProblem(server().get(EFFICIENCY + "?colour=red", key), "colour",
                "unknown parameter 'colour'; known: agent_id, from, to");
        assertProblem(server().get(EFFICIENCY + "?agent_id=a&agent_id=b", key), "agent_id",
                "agent_id was given 2 times; give it once");
        assertProblem(server().get(EFFICIENCY + "?agent_id=" + enc("a\u0000b"), key), "agent_id",
                "agent_id contains a control character (U+0000); remove it");
        assertProblem(server().get(EFFICIENCY + "?agent_id=" + "x".repeat(300), key), "agent_id",
                "agent_id is 300 characters, over the limit of 256");
        assertThat(get(EFFICIENCY + "?agent_id=" + enc("' OR 1=1 --"), key).get("run_count").asInt()).isZero();
    }

    void assertProblem(Response r, String parameter, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors")).hasSize(1);
        assertThat(r.json().get("errors").get(0).get("parameter").asString()).isEqualTo(parameter);
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo(message);
    }

    void version(String key, String id, String model, String parent, String runId) {
        ok(server().post("/api/v1/model-versions", key, """
                {"id": "%s", "agent_id": "bot", "version_label": "%s", "model_id": "%s", "parent_version_id": %s,
                 "run_id": "%s"}""".formatted(id, id, model, parent == null ? "null" : "\"" + parent + "\"", runId)), 201);
    }

    void evaluation(String key, String version, double accuracy) {
        ok(server().post("/api/v1/model-versions/" + version + "/evaluations", key,
                "{\"benchmark\": \"qa\", \"metrics\": {\"accuracy\": " + accuracy + "}}"), 201);
    }

    /**
     * From scratch: s1 (10 h, 40 GPU h, $100, produced v1: 0.70 on qa) and s2 (6 h, 20 GPU h, $60): means 8 h,
     * 30 GPU h, $80. ft-v1 fine-tunes v1's model (not from scratch). Transfer: t1 (2 h, 5 GPU h, $15) produced v2
     * (0.78 on qa): saved 6 h, 25 GPU h, $65, +0.08 accuracy.
     */
    void transferHistory(String key) {
        run(key, "s1", "bot", "fine_tuning", "llama-3-8b", "{}", "{}", 1, 10, 40.0, "100", null, 1.0);
        run(key, "s2", "bot", "fine_tuning", "llama-3-8b", "{}", "{}", 2, 6, 20.0, "60", null, 1.0);
        run(key, "ft-v1", "bot", "fine_tuning", "bot-v1", "{}", "{}", 3, 1, 1.0, "1", null, 1.0);
        run(key, "t1", "bot", "transfer_learning", "bot-v1", "{}", "{}", 4, 2, 5.0, "15", null, 1.0);
        version(key, "v1", "bot-v1", null, "s1");
        version(key, "v2", "bot-v2", "v1", "t1");
        version(key, "v3", "bot-v3", "v1", "ft-v1");
        evaluation(key, "v1", 0.70);
        evaluation(key, "v2", 0.78);
        evaluation(key, "v3", 0.99);
    }

    @Test
    void transferVersionsAgainstFromScratchRunsWithKnownAnswers() {
        String key = workspace();
        transferHistory(key);
        JsonNode t = get(TRANSFER + "?agent_id=bot", key);
        assertThat(t.get("status").asString()).as(t.toString()).isEqualTo("measured");
        assertThat(t.get("baseline").get("run_ids").toString()).isEqualTo("[\"s1\",\"s2\"]");
        assertThat(t.get("baseline").get("version_ids").toString()).isEqualTo("[\"v1\"]");
        assertThat(t.get("baseline").get("mean_hours").asDouble()).isCloseTo(8, within(1e-9));
        assertThat(t.get("baseline").get("mean_gpu_hours").asDouble()).isCloseTo(30, within(1e-9));
        assertThat(t.get("baseline").get("mean_cost_usd").asDouble()).isCloseTo(80, within(1e-9));
        JsonNode v2 = t.get("versions").get(0);
        assertThat(t.get("versions")).hasSize(1);
        assertThat(v2.get("version_id").asString()).isEqualTo("v2");
        assertThat(v2.get("run_id").asString()).isEqualTo("t1");
        assertThat(v2.get("time_saved_hours").asDouble()).isCloseTo(6, within(1e-9));
        assertThat(v2.get("gpu_hours_saved").asDouble()).isCloseTo(25, within(1e-9));
        assertThat(v2.get("cost_saved_usd").asDouble()).isCloseTo(65, within(1e-9));
        assertThat(v2.get("accuracy_gain").asDouble()).isCloseTo(0.08, within(1e-9));
        assertThat(v2.get("compared_version_ids").toString()).isEqualTo("[\"v1\"]");
        assertThat(t.get("mean_accuracy_gain").asDouble()).isCloseTo(0.08, within(1e-9));

        JsonNode nobody = get(TRANSFER + "?agent_id=nobody", key);
        assertThat(nobody.get("status").asString()).isEqualTo("insufficient_data");
        assertThat(nobody.get("reason").asString()).isEqualTo("insufficient data: agent 'nobody' has no version produced"
                + " by a transfer_learning run");
        assertThat(nobody.get("versions")).isEmpty();
    }

    @Test
    void transferReadsOnlyTheCallersWorkspaceAndChecksItsParameters() {
        String key = workspace();
        transferHistory(key);
        String other = workspace();
        JsonNode theirs = get(TRANSFER + "?agent_id=bot", other);
        assertThat(theirs.get("status").asString()).isEqualTo("insufficient_data");
        assertThat(theirs.get("baseline").get("run_ids")).isEmpty();
        assertThat(theirs.get("versions")).isEmpty();
        // the other workspace's own history, with the same ids, is measured on its own data only
        run(other, "s1", "bot", "fine_tuning", "llama-3-8b", "{}", "{}", 1, 3, 3.0, "3", null, 1.0);
        run(other, "t1", "bot", "transfer_learning", "bot-v1", "{}", "{}", 2, 1, 1.0, "1", null, 1.0);
        version(other, "v1", "bot-v1", null, "s1");
        version(other, "v2", "bot-v2", "v1", "t1");
        JsonNode mine = get(TRANSFER + "?agent_id=bot", other);
        assertThat(mine.get("baseline").get("mean_hours").asDouble()).isCloseTo(3, within(1e-9));
        assertThat(mine.get("versions").get(0).get("time_saved_hours").asDouble()).isCloseTo(2, within(1e-9));
        assertThat(mine.get("versions").get(0).get("accuracy_gain").isNull()).isTrue();

        assertThat(server().get(TRANSFER + "?agent_id=bot", null).status()).isEqualTo(401);
        assertThat(server().get(TRANSFER + "?agent_id=bot", key(key, "config:write")).status()).isEqualTo(403);
        assertProblem(server().get(TRANSFER, key), "agent_id", "agent_id is required: the agent whose versions to measure");
        assertProblem(server().get(TRANSFER + "?agent_id=", key), "agent_id",
                "agent_id is empty; give it a value or leave it out");
        assertProblem(server().get(TRANSFER + "?agent_id=bot&against=v1", key), "against",
                "unknown parameter 'against'; known: agent_id");
        Response reserved = server().post("/api/v1/model-versions", key, "{\"id\": \"transfer\", \"agent_id\": \"bot\","
                + " \"version_label\": \"t\", \"model_id\": \"m\"}");
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(reserved.json().get("errors").get(0).get("message").asString())
                .isEqualTo("id 'transfer' is reserved (GET /api/v1/model-versions/transfer is an endpoint); choose another");
        assertThat(get("/api/v1/model-versions/v2", key).get("id").asString()).isEqualTo("v2");
    }
}
