package dev.sextant.server.training;

import static dev.sextant.server.training.TrainingTraffic.batch;
import static dev.sextant.server.training.TrainingTraffic.point;
import static dev.sextant.server.training.TrainingTraffic.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Training runs through the real server; run on DuckDB and on PostgreSQL by the two IT classes. */
abstract class TrainingRunScenarios {

    abstract SextantTestServer server();

    private TrainingTraffic traffic() {
        return new TrainingTraffic(server());
    }

    @Test
    void aRunIsCreatedListedReadAndNeedsItsScopes() {
        String key = traffic().workspace();
        JsonNode run = traffic().created(key, run("sft-1", 3000));
        assertThat(run.get("id").asString()).isEqualTo("sft-1");
        assertThat(run.get("status").asString()).isEqualTo("running");
        assertThat(run.get("training_type").asString()).isEqualTo("fine_tuning");
        assertThat(run.get("hyperparameters").toString()).isEqualTo("{\"learning_rate\":1.0E-4,\"batch_size\":32,"
                + "\"epochs\":3,\"warmup_steps\":100,\"gradient_accumulation_steps\":4,\"scheduler\":\"cosine\"}");
        assertThat(run.get("dataset").toString()).isEqualTo("{\"id\":\"ds-1\",\"name\":\"tickets\",\"size\":12000,"
                + "\"source\":\"s3://b/t.jsonl\",\"split\":\"train\"}");
        assertThat(run.get("tags").toString()).isEqualTo("{\"team\":\"support\"}");
        assertThat(run.get("point_count").asLong()).isZero();
        assertThat(run.get("error").isNull()).isTrue();
        JsonNode generated = traffic().created(key, "{\"training_type\": \"reinforcement\", \"agent_id\": \"coder\"}");
        assertThat(generated.get("id").asString()).startsWith("run_");
        Response taken = server().post("/api/v1/training/runs", key, run("sft-1", 10));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asString()).isEqualTo("training run 'sft-1' already exists in this workspace");

        JsonNode one = traffic().ok("/api/v1/training/runs/sft-1", key);
        assertThat(one.get("quality").get("summary").get("status").asString()).isEqualTo("no_data");
        assertThat(one.get("quality").get("summary").get("best_validation_loss").isNull()).isTrue();
        assertThat(one.get("prediction").get("status").asString()).isEqualTo("unavailable");
        assertThat(one.get("prediction").get("reason").asString()).isEqualTo("no val_loss or train_loss has been logged yet");

        assertThat(traffic().ok("/api/v1/training/runs", key).get("runs")).hasSize(2);
        assertThat(traffic().ok("/api/v1/training/runs?agent_id=coder", key).get("runs").get(0).get("id").asString())
                .isEqualTo(generated.get("id").asString());
        assertThat(traffic().ok("/api/v1/training/runs?training_type=fine_tuning&status=running", key).get("runs"))
                .hasSize(1);
        JsonNode page = traffic().ok("/api/v1/training/runs?limit=1", key);
        assertThat(page.get("runs")).hasSize(1);
        JsonNode rest = traffic().ok("/api/v1/training/runs?limit=1&cursor=" + page.get("next_cursor").asString(), key);
        assertThat(rest.get("runs")).hasSize(1);
        assertThat(rest.get("next_cursor").isNull()).isTrue();
        Response badFilter = server().get("/api/v1/training/runs?status=paused&limit=0&colour=red", key);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().get("errors")).hasSize(3);

        String viewer = traffic().key(key, "viewer", "analytics:view");
        String ingest = traffic().key(key, "ingest", "ingest:write");
        assertThat(server().post("/api/v1/training/runs", viewer, run("v", 10)).status()).isEqualTo(403);
        assertThat(traffic().metrics(viewer, "sft-1", batch(List.of(point(1, 0, "\"train_loss\": 1")))).status())
                .isEqualTo(403);
        assertThat(server().get("/api/v1/training/runs/sft-1", ingest).status()).isEqualTo(403);
        assertThat(server().get("/api/v1/training/runs/sft-1/metrics", ingest).status()).isEqualTo(403);
        assertThat(server().post("/api/v1/training/runs", ingest, run("by-ingest", 10)).status()).isEqualTo(201);
        assertThat(server().get("/api/v1/training/runs/sft-1/progress", null).status()).isEqualTo(401);
    }

    @Test
    void qualityFindsAPlantedOverfittingPoint() {
        String key = traffic().workspace();
        traffic().created(key, run("overfit", 2000));
        List<String> points = new ArrayList<>();
        double[] val = new double[20];
        double[] train = new double[20];
        for (int i = 0; i < 20; i++) {
            train[i] = 2.0 * Math.pow(0.85, i);
            val[i] = 1.0 + 0.05 * (i - 8) * (i - 8);
            points.add(point((i + 1) * 100L, i + 1, "\"train_loss\": " + train[i] + ", \"val_loss\": " + val[i]
                    + ", \"grad_norm\": 1.0, \"learning_rate\": 0.0001"));
        }
        JsonNode logged = traffic().logged(key, "overfit", batch(points));
        assertThat(logged.get("accepted").asInt()).isEqualTo(80);
        assertThat(logged.get("out_of_order").asInt()).isZero();
        JsonNode q = traffic().ok("/api/v1/training/runs/overfit", key).get("quality");
        int best = 0;
        for (int i = 1; i < 20; i++) {
            best = val[i] < val[best] ? i : best;
        }
        assertThat(best).isEqualTo(8);
        assertThat(q.get("summary").get("status").asString()).isEqualTo("overfitting");
        assertThat(q.get("summary").get("best_validation_loss").asDouble()).isEqualTo(val[best]);
        assertThat(q.get("summary").get("best_epoch").asDouble()).isEqualTo(best + 1.0);
        assertThat(q.get("summary").get("best_step").asLong()).isEqualTo((best + 1) * 100L);
        assertThat(q.get("summary").get("final_training_loss").asDouble()).isEqualTo(train[19]);
        assertThat(q.get("summary").get("final_validation_loss").asDouble()).isEqualTo(val[19]);
        assertThat(q.get("overfitting").get("overfitting").asBoolean()).isTrue();
        assertThat(q.get("early_stopping").get("best_index").asInt()).isEqualTo(best);
        assertThat(q.get("early_stopping").get("should_have_stopped").asBoolean()).isTrue();
        assertThat(q.get("overtraining").get("overtrained").asBoolean()).isTrue();
        assertThat(q.get("overtraining").get("wasted_gpu_hours").isNull()).isTrue(); // no GPU hours reported yet

        Response resources = traffic().put("/api/v1/training/runs/overfit/resources", key,
                "{\"gpu_hours\": 20, \"peak_memory_gb\": 38.5, \"cost_usd\": \"41.25\", \"tokens_processed\": 9000000}");
        assertThat(resources.status()).as(resources.toString()).isEqualTo(200);
        assertThat(resources.json().get("resources").toString()).isEqualTo("{\"gpu_hours\":20.0,\"peak_memory_gb\":38.5,"
                + "\"cost_usd\":41.25,\"tokens_processed\":9000000}");
        JsonNode withHours = traffic().ok("/api/v1/training/runs/overfit", key).get("quality").get("overtraining");
        assertThat(withHours.get("wasted_gpu_hours").asDouble()).isPositive();
        JsonNode prediction = traffic().ok("/api/v1/training/runs/overfit", key).get("prediction");
        assertThat(prediction.get("metric").asString()).isEqualTo("val_loss");
        assertThat(prediction.get("target_step").asLong()).isEqualTo(2000);
    }

    @Test
    void downsampledBucketsAgreeWithTheExactPoints() {
        String key = traffic().workspace();
        traffic().created(key, run("big", 5000));
        List<String> points = new ArrayList<>();
        for (int step = 1; step <= 5000; step++) {
            points.add("{\"step\": " + step + ", \"metrics\": {\"train_loss\": " + (10.0 / step + (step % 3) * 0.001) + "}}");
        }
        assertThat(traffic().logged(key, "big", batch(points)).get("accepted").asInt()).isEqualTo(5000);

        List<Double> exact = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = traffic().ok("/api/v1/training/runs/big/metrics?name=train_loss&exact=true&limit=2000"
                    + (cursor == null ? "" : "&cursor=" + cursor), key);
            page.get("points").forEach(p -> exact.add(p.get("value").asDouble()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(exact).hasSize(5000);

        JsonNode chart = traffic().ok("/api/v1/training/runs/big/metrics?name=train_loss&downsample=10", key);
        JsonNode buckets = chart.get("series").get(0).get("buckets");
        assertThat(buckets).hasSize(10);
        long width = (5000 - 1) / 10 + 1;
        long total = 0;
        for (int b = 0; b < 10; b++) {
            JsonNode bucket = buckets.get(b);
            List<Double> in = exact.subList((int) (b * width), (int) Math.min(5000, (b + 1) * width));
            assertThat(bucket.get("first_step").asLong()).isEqualTo(1 + b * width);
            assertThat(bucket.get("count").asLong()).isEqualTo(in.size());
            assertThat(bucket.get("min").asDouble()).isEqualTo(in.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            assertThat(bucket.get("max").asDouble()).isEqualTo(in.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            assertThat(bucket.get("last").asDouble()).isEqualTo(in.getLast());
            total += bucket.get("count").asLong();
        }
        assertThat(total).isEqualTo(5000);
        assertThat(traffic().ok("/api/v1/training/runs/big/metrics", key).get("downsample").asInt()).isEqualTo(1000);
        assertThat(traffic().ok("/api/v1/training/runs/big/metrics?exact=true&from_step=10&to_step=12", key)
                .get("points")).hasSize(3);
        Response both = server().get("/api/v1/training/runs/big/metrics?exact=true&downsample=5", key);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").get(0).get("parameter").asString()).isEqualTo("downsample");
        assertThat(server().get("/api/v1/training/runs/big/metrics?downsample=0", key).status()).isEqualTo(400);
        assertThat(server().get("/api/v1/training/runs/big/metrics?exact=true&cursor=garbage", key).status()).isEqualTo(400);
        assertThat(server().get("/api/v1/training/runs/big/metrics?from_step=9&to_step=2", key).status()).isEqualTo(400);
    }

    @Test
    void nanLossesAndOutOfOrderStepsAreKept() {
        String key = traffic().workspace();
        traffic().created(key, run("nan", 100));
        JsonNode first = traffic().logged(key, "nan", "{\"points\": [" + point(10, 0.1, "\"train_loss\": NaN, \"grad_norm\": Infinity")
                + ", " + point(20, 0.2, "\"train_loss\": \"-Infinity\", \"val_loss\": \"NaN\", \"my_custom\": null") + "]}");
        assertThat(first.get("accepted").asInt()).isEqualTo(4);
        assertThat(first.get("last_step").asLong()).isEqualTo(20);
        JsonNode late = traffic().logged(key, "nan", batch(List.of(point(5, 0.05, "\"train_loss\": 3.5"),
                point(15, 0.15, "\"train_loss\": 3.0"), point(30, 0.3, "\"train_loss\": 2.0"))));
        assertThat(late.get("accepted").asInt()).isEqualTo(3);
        assertThat(late.get("out_of_order").asInt()).isEqualTo(2);
        JsonNode points = traffic().ok("/api/v1/training/runs/nan/metrics?exact=true", key).get("points");
        List<String> seen = new ArrayList<>();
        points.forEach(p -> seen.add(p.get("step").asLong() + ":" + p.get("name").asString() + "=" + p.get("value").asString()));
        assertThat(seen).containsExactly("5:train_loss=3.5", "10:train_loss=NaN", "10:grad_norm=Infinity",
                "15:train_loss=3.0", "20:train_loss=-Infinity", "20:val_loss=NaN", "30:train_loss=2.0");
        JsonNode stability = traffic().ok("/api/v1/training/runs/nan", key).get("quality").get("stability");
        assertThat(stability.get("nan_count").asInt()).isEqualTo(1);
        assertThat(stability.get("infinite_count").asInt()).isEqualTo(2);
        JsonNode chart = traffic().ok("/api/v1/training/runs/nan/metrics?name=train_loss&downsample=1", key);
        JsonNode bucket = chart.get("series").get(0).get("buckets").get(0);
        assertThat(bucket.get("count").asInt()).isEqualTo(5);
        assertThat(bucket.get("non_finite").asInt()).isEqualTo(2);
        assertThat(bucket.get("min").asDouble()).isEqualTo(2.0);
        assertThat(bucket.get("max").asDouble()).isEqualTo(3.5);
    }

    @Test
    void badPointsAreReportedByPointerAndTheOthersStored() {
        String key = traffic().workspace();
        traffic().created(key, run("bad", 100));
        String longName = "x".repeat(300);
        String body = "{\"points\": ["
                + "{\"step\": 1, \"metrics\": {\"train_loss\": 2.0}},"
                + "{\"epoch\": 0.1, \"metrics\": {\"train_loss\": 2.0}},"
                + "{\"step\": -5, \"metrics\": {\"train_loss\": 2.0}},"
                + "{\"step\": \"ten\", \"metrics\": {\"train_loss\": 2.0}},"
                + "{\"step\": 4, \"metrics\": {\"train_loss\": true}},"
                + "{\"step\": 5, \"metrics\": {\"bad\\u0007name\": 1}},"
                + "{\"step\": 6, \"metrics\": {\"" + longName + "\": 1}},"
                + "{\"step\": 7, \"stepp\": 7, \"metrics\": {\"train_loss\": 2.0}},"
                + "{\"step\": 8, \"metrics\": {\"a/b~c\": 1.5, \"'; DROP TABLE training_metrics; --\": 2.5, \"skipped\": null}},"
                + "\"nope\","
                + "{\"step\": 10, \"timestamp\": \"yesterday\", \"metrics\": {\"train_loss\": 2.0}},"
                + "{\"step\": 11.5, \"metrics\": {\"train_loss\": 2.0}}"
                + "]}";
        Response r = traffic().metrics(key, "bad", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(207);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(3);
        List<String> rejected = new ArrayList<>();
        r.json().get("rejected").forEach(x -> rejected.add(x.get("pointer").asString() + " | " + x.get("message").asString()));
        assertThat(rejected).containsExactly(
                "/points/1/step | step is required",
                "/points/2/step | step must be 0 or more, was -5",
                "/points/3/step | step must be a whole number, was the string 'ten'",
                "/points/4/metrics/train_loss | metric 'train_loss' must be a number, null, or one of \"NaN\", \"Infinity\","
                        + " \"-Infinity\"; was a boolean",
                "/points/5/metrics/bad\u0007name | a metric name 'bad?name' contains a control character (U+0007)",
                "/points/6/metrics | a metric name is 300 characters, over the limit of 250",
                "/points/7/stepp | 'stepp' is not a field of a point; known: epoch, metrics, step, timestamp",
                "/points/9 | a point must be an object, was the string 'nope'",
                "/points/10/timestamp | timestamp must be an RFC 3339 time like 2026-11-01T10:00:00Z, was the string"
                        + " 'yesterday'",
                "/points/11/step | step must be a whole number, was 11.5");
        JsonNode stored = traffic().ok("/api/v1/training/runs/bad/metrics?exact=true&name=a/b~c"
                + "&name=%27%3B%20DROP%20TABLE%20training_metrics%3B%20--", key).get("points");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(1).get("name").asString()).isEqualTo("'; DROP TABLE training_metrics; --");
    }

    @Test
    void aFinishedRunTakesNoMetricsAndIsFinishedOnce() {
        String key = traffic().workspace();
        traffic().created(key, run("done", 100));
        Response finished = server().post("/api/v1/training/runs/done/finish", key, "{\"status\": \"failed\", \"error\":"
                + " {\"type\": \"OutOfMemoryError\", \"message\": \"CUDA out of memory\", \"traceback\": \"Traceback...\\n  x\"}}");
        assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
        assertThat(finished.json().get("status").asString()).isEqualTo("failed");
        assertThat(finished.json().get("error").get("type").asString()).isEqualTo("OutOfMemoryError");
        assertThat(finished.json().get("ended_at").isNull()).isFalse();
        Response again = server().post("/api/v1/training/runs/done/finish", key, "{\"status\": \"completed\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("training run 'done' is failed; only a running run can be finished");
        Response late = traffic().metrics(key, "done", batch(List.of(point(1, 0, "\"train_loss\": 1"))));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(late.json().get("detail").asString()).isEqualTo("training run 'done' is failed; metrics are logged only to a running run");
        Response badStatus = server().post("/api/v1/training/runs/done/finish", key, "{\"status\": \"running\"}");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(traffic().ok("/api/v1/training/runs?status=failed", key).get("runs")).hasSize(1);
    }

    @Test
    void oversizeMalformedAndWrongTypesAreRefused() throws java.io.IOException {
        String key = traffic().workspace();
        traffic().created(key, run("limits", 100));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= MetricBatch.MAX_POINTS; i++) {
            many.add("{\"step\":" + i + ",\"metrics\":{\"l\":1}}");
        }
        Response tooMany = traffic().metrics(key, "limits", batch(many));
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().get("detail").asString()).isEqualTo("the batch holds 10001 points, over the limit of"
                + " 10000 per request; split it into smaller batches");
        assertThat(tooMany.json().get("limit_points").asInt()).isEqualTo(10_000);
        // only the headers: the Content-Length alone is refused, before any of the body is read
        String huge = announce(server().uri("/api/v1/training/runs/limits/metrics"), key, 17L * 1024 * 1024);
        assertThat(huge).startsWith("HTTP/1.1 413");
        assertThat(huge).contains("over the limit of 16777216 bytes");
        assertThat(traffic().ok("/api/v1/training/runs/limits", key).get("point_count").asLong()).isZero();

        Response malformed = traffic().metrics(key, "limits", "{\"points\": [{\"step\": 1,");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asString()).startsWith("the request body is not valid JSON");
        assertThat(traffic().metrics(key, "limits", "[1, 2]").status()).isEqualTo(400);
        assertThat(traffic().metrics(key, "limits", "{\"points\": {}}").status()).isEqualTo(400);
        assertThat(traffic().metrics(key, "limits", "{\"points\": [], \"extra\": 1}").status()).isEqualTo(400);

        Response wrongType = server().post("/api/v1/training/runs", key, "{\"training_type\": 5}");
        assertThat(wrongType.status()).isEqualTo(400);
        Response unknownType = server().post("/api/v1/training/runs", key, "{\"training_type\": \"boosting\","
                + " \"total_steps\": 0, \"hyperparameters\": {\"batch_size\": \"x\", \"learning_rate\": -1},"
                + " \"agent_id\": \"a\\u0000b\", \"id\": \"../etc\"}");
        assertThat(unknownType.status()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        unknownType.json().get("errors").forEach(e -> problems.add(e.has("pointer") ? e.get("pointer").asString()
                : e.get("field").asString()));
        assertThat(problems).containsExactlyInAnyOrder("id", "agent_id", "training_type", "total_steps",
                "/hyperparameters/batch_size", "/hyperparameters/learning_rate");
        assertThat(server().post("/api/v1/training/runs", key, "{\"training_type\": \"few_shot\", \"tags\": {\"a\": 1}}")
                .status()).isEqualTo(400);
        assertThat(server().post("/api/v1/training/runs", key, "{\"training_type\": \"few_shot\", \"colour\": 1}")
                .status()).isEqualTo(400);
        assertThat(traffic().put("/api/v1/training/runs/limits/resources", key, "{\"gpu_hours\": -1}").status())
                .isEqualTo(400);
        assertThat(traffic().put("/api/v1/training/runs/limits/resources", key, "{\"gpu_hours\": \"many\"}").status())
                .isEqualTo(400);
    }

    /** Sends a POST that announces {@code length} body bytes but sends none; answers the raw response head and body. */
    private static String announce(java.net.URI uri, String key, long length) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Bearer " + key + "\r\nContent-Type: application/json\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] answer = new byte[8192];
            int read = 0;
            int n;
            while (read < answer.length && (n = socket.getInputStream().read(answer, read, answer.length - read)) > 0) {
                read += n;
                if (new String(answer, 0, read, java.nio.charset.StandardCharsets.UTF_8).contains("\"status\"")) {
                    break;
                }
            }
            return new String(answer, 0, read, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void anotherWorkspaceGets404OnEveryRead() {
        String mine = traffic().workspace();
        String other = traffic().workspace();
        traffic().created(mine, run("private", 100));
        traffic().logged(mine, "private", batch(List.of(point(1, 0, "\"train_loss\": 1"))));
        for (String path : List.of("/api/v1/training/runs/private", "/api/v1/training/runs/private/metrics",
                "/api/v1/training/runs/private/metrics?exact=true", "/api/v1/training/runs/private/progress")) {
            Response r = server().get(path, other);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("detail").asString()).isEqualTo("training run 'private' does not exist in this workspace");
        }
        Response stream = server().send(dev.sextant.server.support.SextantTestServer.authorized(
                server().request("/api/v1/training/runs/private/progress"), other)
                .header("Accept", "text/event-stream").GET().build());
        assertThat(stream.status()).isEqualTo(404);
        assertThat(traffic().metrics(other, "private", batch(List.of(point(2, 0, "\"train_loss\": 1")))).status()).isEqualTo(404);
        assertThat(traffic().put("/api/v1/training/runs/private/resources", other, "{\"gpu_hours\": 1}").status()).isEqualTo(404);
        assertThat(server().post("/api/v1/training/runs/private/finish", other, "{\"status\": \"stopped\"}").status()).isEqualTo(404);
        assertThat(traffic().ok("/api/v1/training/runs", other).get("runs")).isEmpty();
        // an encoded NUL never reaches the controller: the server refuses the URL itself
        assertThat(server().get("/api/v1/training/runs/a%00b", mine).status()).isEqualTo(400);
        for (String hostile : List.of("a%01b", "x".repeat(300), "x%27%20OR%20%271%27=%271")) {
            Response r = server().get("/api/v1/training/runs/" + hostile, mine);
            assertThat(r.status()).as(hostile).isEqualTo(404);
            assertThat(traffic().put("/api/v1/training/runs/" + hostile + "/resources", mine, "{}").status()).isEqualTo(404);
            assertThat(server().post("/api/v1/training/runs/" + hostile + "/finish", mine, "{\"status\": \"stopped\"}")
                    .status()).isEqualTo(404);
        }
        JsonNode still = traffic().ok("/api/v1/training/runs/private", mine);
        assertThat(still.get("status").asString()).isEqualTo("running");
        assertThat(still.get("point_count").asLong()).isEqualTo(1);
        assertThat(still.get("resources").get("gpu_hours").isNull()).isTrue();
    }

    @Test
    void progressIsASnapshotAndALiveStreamThatEndsWhenTheRunFinishes() throws Exception {
        String key = traffic().workspace();
        traffic().created(key, run("live", 100));
        List<String> points = new ArrayList<>();
        for (int i = 0; i <= 9; i++) {
            points.add("{\"step\": " + (i * 10) + ", \"timestamp\": \"2026-11-01T10:00:" + String.format("%02d", i)
                    + "Z\", \"metrics\": {\"train_loss\": " + (2.0 / (1 + i)) + "}}");
        }
        traffic().logged(key, "live", batch(points));
        JsonNode p = traffic().ok("/api/v1/training/runs/live/progress", key);
        assertThat(p.get("status").asString()).isEqualTo("running");
        assertThat(p.get("last_step").asLong()).isEqualTo(90);
        assertThat(p.get("total_steps").asLong()).isEqualTo(100);
        assertThat(p.get("fraction_done").asDouble()).isEqualTo(0.9);
        assertThat(p.get("steps_per_second").asDouble()).isEqualTo(10.0);
        assertThat(p.get("eta_seconds").asDouble()).isEqualTo(1.0);
        assertThat(p.get("eta").asString()).isEqualTo("2026-11-01T10:00:10Z");
        assertThat(p.get("metric").asString()).isEqualTo("train_loss");

        try (ProgressStream stream = ProgressStream.open(server(), "/api/v1/training/runs/live/progress", key)) {
            ProgressStream.Event first = stream.next();
            assertThat(first.name()).isEqualTo("progress");
            assertThat(first.data().get("last_step").asLong()).isEqualTo(90);
            traffic().logged(key, "live", batch(List.of("{\"step\": 95, \"timestamp\": \"2026-11-01T10:00:10Z\","
                    + " \"metrics\": {\"train_loss\": 0.19}}")));
            ProgressStream.Event second = stream.next();
            assertThat(second.name()).isEqualTo("progress");
            assertThat(second.data().get("last_step").asLong()).isEqualTo(95);
            assertThat(server().post("/api/v1/training/runs/live/finish", key, "{\"status\": \"completed\"}").status())
                    .isEqualTo(200);
            ProgressStream.Event last = stream.next();
            while (last.name().equals("progress")) {
                last = stream.next();
            }
            assertThat(last.name()).isEqualTo("finished");
            assertThat(last.data().get("status").asString()).isEqualTo("completed");
            assertThat(stream.ended()).isTrue();
        }
    }
}
