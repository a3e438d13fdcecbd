package dev.sextant.server.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Training-log imports through the real server, with the importers' own test files (written by
 * hand after the published formats); run on DuckDB and PostgreSQL by the two IT classes, whose
 * servers cap an import at {@link #LIMIT} bytes.
 */
abstract class ImportScenarios {
    static final long LIMIT = 64 * 1024;
    static final Path FILES = Path.of("..", "sextant-ingest", "src", "test", "resources", "training-imports");
    static final String IMPORT = "/api/v1/training/runs/import";

    abstract SextantTestServer server();

    private TrainingTraffic traffic() {
        return new TrainingTraffic(server());
    }

    static byte[] file(String name) {
        try {
            return Files.readAllBytes(FILES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response upload(String path, String key, byte[] body) {
        return server().send(SextantTestServer.authorized(server().request(path), key)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** The body without a Content-Length (chunked), so the limit is met while reading. */
    Response uploadChunked(String path, String key, byte[] body) {
        return server().send(SextantTestServer.authorized(server().request(path), key)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    }

    JsonNode created(String key, String query, String fileName) {
        Response r = upload(IMPORT + "?" + query, key, file(fileName));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static String onlyError(Response r, String parameter) {
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as(r.toString()).hasSize(1);
        assertThat(errors.get(0).get("parameter").asString()).isEqualTo(parameter);
        return errors.get(0).get("message").asString();
    }

    private List<String> runIds(String key) {
        List<String> ids = new ArrayList<>();
        traffic().ok("/api/v1/training/runs", key).get("runs").forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    @Test
    void aTrainerStateBecomesACompletedRunWithItsFactsAndCurves() {
        String key = traffic().workspace();
        JsonNode imported = created(key, "format=hf_trainer_state&id=hf-7&agent_id=support-bot&name=run-7"
                + "&base_model=bert-base", "trainer_state.json");
        assertThat(imported.get("run_id").asString()).isEqualTo("hf-7");
        assertThat(imported.get("format").asString()).isEqualTo("hf_trainer_state");
        assertThat(imported.get("status").asString()).isEqualTo("completed");
        assertThat(imported.get("points_imported").asLong()).isEqualTo(30);
        assertThat(imported.get("total_steps").asLong()).isEqualTo(60);
        assertThat(imported.get("last_step").asLong()).isEqualTo(60);
        assertThat(imported.get("hyperparameters").get("batch_size").asLong()).isEqualTo(16);
        assertThat(imported.get("hyperparameters").get("epochs").asLong()).isEqualTo(3);
        assertThat(imported.get("summary").get("mean_train_loss").asDouble()).isEqualTo(1.4375);
        assertThat(imported.get("problems")).isEmpty();
        assertThat(imported.get("problem_count").asLong()).isZero();

        JsonNode run = traffic().ok("/api/v1/training/runs/hf-7", key);
        assertThat(run.get("status").asString()).isEqualTo("completed");
        assertThat(run.get("agent_id").asString()).isEqualTo("support-bot");
        assertThat(run.get("base_model").asString()).isEqualTo("bert-base");
        assertThat(run.get("training_type").asString()).isEqualTo("fine_tuning");
        assertThat(run.get("point_count").asLong()).isEqualTo(30);
        assertThat(run.get("tags").get("imported_format").asString()).isEqualTo("hf_trainer_state");
        assertThat(run.get("hyperparameters").get("learning_rate").asDouble()).isEqualTo(5e-05);
        assertThat(run.get("quality").get("summary").get("best_validation_loss").asDouble()).isEqualTo(1.125);
        assertThat(run.get("quality").get("summary").get("best_epoch").asDouble()).isEqualTo(2.0);
        JsonNode grad = traffic().ok("/api/v1/training/runs/hf-7/metrics?exact=true&name=grad_norm", key).get("points");
        assertThat(grad.toString()).contains("\"NaN\"").contains("\"Infinity\"");
    }

    @Test
    void csvAndJsonLinesInTheirShapesAreImported() {
        String key = traffic().workspace();
        JsonNode lightning = created(key, "format=csv&training_type=transfer_learning", "lightning_metrics.csv");
        assertThat(lightning.get("points_imported").asLong()).isEqualTo(10);
        assertThat(lightning.get("metric_names").toString())
                .isEqualTo("[\"train_loss\",\"train_loss_epoch\",\"val_acc\",\"val_loss\"]");
        assertThat(lightning.get("total_steps").asLong()).isEqualTo(39);
        assertThat(traffic().ok("/api/v1/training/runs/" + lightning.get("run_id").asString(), key)
                .get("training_type").asString()).isEqualTo("transfer_learning");
        assertThat(created(key, "format=csv", "long_metrics.csv").get("points_imported").asLong()).isEqualTo(5);
        JsonNode wide = created(key, "format=jsonl", "metrics_wide.jsonl");
        assertThat(wide.get("points_imported").asLong()).isEqualTo(4);
        assertThat(wide.get("hyperparameters").get("batch_size").asLong()).isEqualTo(32);
        assertThat(wide.get("hyperparameters").get("lora").toString()).isEqualTo("{\"r\":8,\"alpha\":16}");
        assertThat(created(key, "format=jsonl", "metrics_long.jsonl").get("points_imported").asLong()).isPositive();
        assertThat(created(key, "format=jsonl", "metrics_flat.jsonl").get("points_imported").asLong()).isPositive();
        assertThat(runIds(key)).hasSize(5);
    }

    @Test
    void badLinesAreReportedWithTheirLineNumbersAndTheRestIsImported() {
        String key = traffic().workspace();
        JsonNode imported = created(key, "format=jsonl", "metrics_with_bad_lines.jsonl");
        assertThat(imported.get("points_imported").asLong()).isEqualTo(4);
        assertThat(imported.get("problem_count").asLong()).isEqualTo(4);
        List<Long> lines = new ArrayList<>();
        imported.get("problems").forEach(p -> lines.add(p.get("line").asLong()));
        assertThat(lines).containsExactly(3L, 6L, 7L, 9L);
        assertThat(imported.get("problems").get(1).get("message").asString())
                .isEqualTo("a line must hold a JSON object, was an array; it was skipped");
        String jsonl = "{\"hyperparameters\": {\"batch_size\": \"big\", \"epochs\": 2}}\n{\"step\": 1, \"loss\": 0.5}\n";
        Response wrongType = upload(IMPORT + "?format=jsonl", key, jsonl.getBytes(StandardCharsets.UTF_8));
        assertThat(wrongType.status()).isEqualTo(201);
        assertThat(wrongType.json().get("hyperparameters").toString()).isEqualTo("{\"epochs\":2}");
        assertThat(wrongType.json().get("problems").get(0).get("pointer").asString()).isEqualTo("/hyperparameters/batch_size");
        assertThat(wrongType.json().get("problems").get(0).get("message").asString())
                .isEqualTo("hyperparameters.batch_size must be a whole number from 1, was big; left out");
    }

    @Test
    void aFileThatIsNotTheFormatNamedIsRefusedAndNothingIsStored() {
        String key = traffic().workspace();
        Response csvAsJsonl = upload(IMPORT + "?format=jsonl", key, file("lightning_metrics.csv"));
        assertThat(csvAsJsonl.status()).isEqualTo(400);
        assertThat(csvAsJsonl.json().get("detail").asString()).startsWith("the file cannot be imported as format=jsonl"
                + " (JSON Lines, one metric record per line): no metric point could be read from the file as JSON Lines");
        Response jsonAsState = upload(IMPORT + "?format=hf_trainer_state", key, file("metrics_wide.jsonl"));
        assertThat(jsonAsState.status()).as(jsonAsState.toString()).isEqualTo(400);
        assertThat(jsonAsState.json().get("detail").asString()).startsWith("the file cannot be imported as"
                + " format=hf_trainer_state (a Hugging Face Trainer trainer_state.json): ");
        Response stateAsCsv = upload(IMPORT + "?format=csv", key, file("trainer_state.json"));
        assertThat(stateAsCsv.status()).as(stateAsCsv.toString()).isEqualTo(400);
        assertThat(stateAsCsv.json().get("detail").asString()).startsWith("the file cannot be imported as format=csv"
                + " (a Lightning metrics.csv or a step,name,value CSV): ");
        Response truncated = upload(IMPORT + "?format=hf_trainer_state", key, file("trainer_state_truncated.json"));
        assertThat(truncated.status()).isEqualTo(400);
        Response empty = upload(IMPORT + "?format=jsonl", key, new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).isEqualTo("the file cannot be imported as format=jsonl (JSON Lines,"
                + " one metric record per line): the file is empty; expected JSON Lines metric lines");
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        assertThat(upload(IMPORT + "?format=csv", key, garbage).status()).isEqualTo(400);
        assertThat(runIds(key)).isEmpty();
    }

    @Test
    void queryParametersAreCheckedAndNamed() {
        String key = traffic().workspace();
        byte[] body = file("metrics_wide.jsonl");
        assertThat(onlyError(upload(IMPORT, key, body), "format")).isEqualTo("format is required: hf_trainer_state, csv or jsonl");
        assertThat(onlyError(upload(IMPORT + "?format=metrics_csv", key, body), "format"))
                .isEqualTo("format must be one of hf_trainer_state, csv, jsonl, was 'metrics_csv'");
        assertThat(onlyError(upload(IMPORT + "?format=jsonl&training_type=pretraining", key, body), "training_type"))
                .startsWith("training_type must be one of fine_tuning");
        assertThat(onlyError(upload(IMPORT + "?format=jsonl&status=failed", key, body), "status"))
                .isEqualTo("status must be completed (the default) or running, was 'failed'");
        assertThat(onlyError(upload(IMPORT + "?format=jsonl&colour=red", key, body), "colour")).startsWith("unknown parameter");
        assertThat(onlyError(upload(IMPORT + "?format=jsonl&format=csv", key, body), "format"))
                .isEqualTo("format was given 2 times; give it once");
        assertThat(onlyError(upload(IMPORT + "?format=jsonl&id=" + enc("'; DROP TABLE training_runs;--"), key, body), "id"))
                .startsWith("id must be 1-128 characters");
        assertThat(onlyError(upload(IMPORT + "?format=jsonl&agent_id=" + enc("a\u0000b"), key, body), "agent_id"))
                .contains("control character");
        assertThat(onlyError(upload(IMPORT + "?format=jsonl&name=" + "n".repeat(501), key, body), "name"))
                .isEqualTo("name is 501 characters, over the limit of 500");
        JsonNode hostile = created(key, "format=jsonl&agent_id=" + enc("<script>alert(1)</script> ' OR 1=1 -- 🚀")
                + "&name=" + enc("مرحبا"), "metrics_wide.jsonl");
        JsonNode run = traffic().ok("/api/v1/training/runs/" + hostile.get("run_id").asString(), key);
        assertThat(run.get("agent_id").asString()).isEqualTo("<script>alert(1)</script> ' OR 1=1 -- 🚀");
        assertThat(run.get("name").asString()).isEqualTo("مرحبا");
        created(key, "format=jsonl&id=taken", "metrics_wide.jsonl");
        Response taken = upload(IMPORT + "?format=jsonl&id=taken", key, body);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(runIds(key)).hasSize(2);
    }

    @Test
    void anOversizeFileIs413WhetherAnnouncedOrChunked() {
        String key = traffic().workspace();
        StringBuilder big = new StringBuilder();
        for (int step = 0; big.length() <= LIMIT; step++) {
            big.append("{\"step\": ").append(step).append(", \"loss\": 0.5}\n");
        }
        byte[] body = big.toString().getBytes(StandardCharsets.UTF_8);
        Response announced = upload(IMPORT + "?format=jsonl", key, body);
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.json().get("limit_bytes").asLong()).isEqualTo(LIMIT);
        Response chunked = uploadChunked(IMPORT + "?format=jsonl", key, body);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().get("detail").asString()).startsWith("the training log is larger than the import limit of "
                + LIMIT + " bytes");
        assertThat(runIds(key)).isEmpty();
        Response appended = uploadChunked("/api/v1/training/runs/"
                + created(key, "format=jsonl&status=running", "metrics_wide.jsonl").get("run_id").asString()
                + "/import?format=jsonl", key, body);
        assertThat(appended.status()).isEqualTo(413);
    }

    @Test
    void filesAreAppendedToARunningRunOnly() {
        String key = traffic().workspace();
        JsonNode open = created(key, "format=jsonl&status=running&id=open-1", "metrics_wide.jsonl");
        assertThat(open.get("status").asString()).isEqualTo("running");
        Response more = upload("/api/v1/training/runs/open-1/import?format=csv", key, file("long_metrics.csv"));
        assertThat(more.status()).as(more.toString()).isEqualTo(200);
        assertThat(more.json().get("points_imported").asLong()).isEqualTo(5);
        assertThat(more.json().get("status").asString()).isEqualTo("running");
        assertThat(traffic().ok("/api/v1/training/runs/open-1", key).get("point_count").asLong()).isEqualTo(9);
        String conflicting = "{\"hyperparameters\": {\"batch_size\": 64, \"seed\": 3}}\n{\"step\": 30, \"loss\": 0.25}\n";
        Response params = upload("/api/v1/training/runs/open-1/import?format=jsonl", key,
                conflicting.getBytes(StandardCharsets.UTF_8));
        assertThat(params.status()).isEqualTo(200);
        assertThat(params.json().get("hyperparameters").get("batch_size").asLong()).isEqualTo(32);
        assertThat(params.json().get("hyperparameters").get("seed").asLong()).isEqualTo(3);
        assertThat(params.json().get("problems").get(0).get("message").asString())
                .isEqualTo("hyperparameters.batch_size is 32 on the run, the file says 64; kept the run's");
        Response bad = upload("/api/v1/training/runs/open-1/import?format=jsonl", key, file("lightning_metrics.csv"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(traffic().ok("/api/v1/training/runs/open-1", key).get("point_count").asLong()).isEqualTo(10);

        created(key, "format=jsonl&id=done-1", "metrics_wide.jsonl");
        Response finished = upload("/api/v1/training/runs/done-1/import?format=jsonl", key, file("metrics_flat.jsonl"));
        assertThat(finished.status()).isEqualTo(409);
        assertThat(finished.json().get("detail").asString())
                .isEqualTo("training run 'done-1' is completed; files are imported only into a running run");
        assertThat(upload("/api/v1/training/runs/nope/import?format=jsonl", key, file("metrics_flat.jsonl")).status())
                .isEqualTo(404);
        assertThat(upload("/api/v1/training/runs/" + enc("x' OR '1'='1") + "/import?format=jsonl", key,
                file("metrics_flat.jsonl")).status()).isEqualTo(404);
        assertThat(onlyError(upload("/api/v1/training/runs/open-1/import", key, file("metrics_flat.jsonl")), "format"))
                .isEqualTo("format is required: hf_trainer_state, csv or jsonl");
    }

    @Test
    void aFileSentAsAFormBodyIsStillTheFile() {
        String key = traffic().workspace();
        // curl --data-binary @file sends application/x-www-form-urlencoded unless told otherwise
        Response r = server().send(SextantTestServer.authorized(server().request(IMPORT + "?format=jsonl&agent_id=curl"),
                key).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file("metrics_wide.jsonl"))).build());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("points_imported").asLong()).isEqualTo(4);
        assertThat(r.json().get("problems")).isEmpty();
    }

    @Test
    void credentialsScopesAndTenancy() {
        String key = traffic().workspace();
        String other = traffic().workspace();
        String viewer = traffic().key(key, "viewer", "analytics:view");
        byte[] body = file("metrics_wide.jsonl");
        assertThat(upload(IMPORT + "?format=jsonl", null, body).status()).isEqualTo(401);
        assertThat(upload(IMPORT + "?format=jsonl", "sk-not-a-key-0123456789", body).status()).isEqualTo(401);
        assertThat(upload(IMPORT + "?format=jsonl", viewer, body).status()).isEqualTo(403);
        created(key, "format=jsonl&status=running&id=mine", "metrics_wide.jsonl");
        assertThat(upload("/api/v1/training/runs/mine/import?format=jsonl", other, body).status()).isEqualTo(404);
        assertThat(server().get("/api/v1/training/runs/mine", other).status()).isEqualTo(404);
        assertThat(runIds(other)).isEmpty();
        assertThat(traffic().ok("/api/v1/training/runs/mine", key).get("point_count").asLong()).isEqualTo(4);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
