package dev.sextant.server.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Dataset upload and report through the real server; run on DuckDB ({@link ITDatasets}) and
 * PostgreSQL ({@link ITDatasetsOnPostgres}), each with {@link #LIMIT} as the upload limit.
 */
abstract class DatasetScenarios {
    static final long LIMIT = 65_536;

    abstract SextantTestServer server();

    abstract String prefix();

    private DatasetTraffic traffic() {
        return new DatasetTraffic(server());
    }

    @Test
    void everyFormatUploadsAndReports() {
        String key = traffic().workspace(prefix() + "-formats");
        String chat = "{\"messages\": [{\"role\": \"user\", \"content\": \"where is my parcel\"}, {\"role\": \"assistant\","
                + " \"content\": \"it ships tomorrow from the warehouse\"}]}\n"
                + "{\"messages\": [{\"role\": \"user\", \"content\": \"reset my password please\"}, {\"role\": \"assistant\","
                + " \"content\": \"use the link on the login page\"}]}\n";
        String prompt = "{\"prompt\": \"Summarise: the parcel is late\", \"completion\": \"A late parcel.\"}\n"
                + "{\"prompt\": \"Summarise: the invoice is wrong\", \"completion\": \"A wrong invoice.\"}\n";
        String csv = "question,answer,label\nwhere is my parcel,it ships tomorrow,shipping\n\"how do I\nreset it\",use the link,account\n";
        record Case(String format, String contentType, String body, String expectedFormat, long records) {}
        for (Case c : List.of(new Case("chat", "application/x-ndjson", chat, "chat", 2),
                new Case(null, "application/jsonl", prompt, "prompt_completion", 2),
                new Case(null, "application/octet-stream", DatasetTraffic.textLabel(30), "text_label", 30),
                new Case(null, "text/csv; charset=utf-8", csv, "csv", 2))) {
            String id = traffic().create(key, "{\"name\": \"upload " + c.expectedFormat() + "\""
                    + (c.format() == null ? "" : ", \"format\": \"" + c.format() + "\"") + "}");
            Response put = traffic().put(id, key, c.contentType(), c.body());
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            JsonNode d = put.json();
            assertThat(d.get("status").asString()).isEqualTo("ready");
            assertThat(d.get("format").asString()).isEqualTo(c.expectedFormat());
            assertThat(d.get("records").asLong()).isEqualTo(c.records());
            assertThat(d.get("bytes_read").asLong()).isEqualTo(c.body().getBytes(StandardCharsets.UTF_8).length);
            assertThat(d.get("score").asDouble()).isBetween(0.0, 1.0);
            Response report = server().get("/api/v1/datasets/" + id + "/report", key);
            assertThat(report.status()).isEqualTo(200);
            assertThat(report.contentType()).startsWith("application/json");
            assertThat(report.json().get("format").asString()).isEqualTo(c.expectedFormat());
            assertThat(report.json().get("records").asLong()).isEqualTo(c.records());
            assertThat(report.json().get("duplicates").get("exact").get("total").asLong()).isZero();
            assertThat(report.json().get("malformed").get("total").asLong()).isZero();
            assertThat(report.json().get("score").get("training_ready").asBoolean()).isEqualTo(d.get("training_ready").asBoolean());
            assertThat(report.json().get("recommendations").isArray()).isTrue();
        }
        JsonNode list = traffic().ok("/api/v1/datasets", key);
        assertThat(list.get("datasets").size()).isEqualTo(4);
    }

    @Test
    void theSameContentGivesTheSameReportBytes() {
        String key = traffic().workspace(prefix() + "-same");
        String body = DatasetTraffic.textLabel(40) + "{\"text\": \"mail me at a.b@example.com\", \"label\": \"a\"}\n";
        String one = traffic().create(key, "{\"name\": \"one\"}");
        String two = traffic().create(key, "{\"name\": \"two\"}");
        assertThat(traffic().put(one, key, "application/x-ndjson", body).status()).isEqualTo(200);
        assertThat(traffic().put(two, key, "application/x-ndjson", body).status()).isEqualTo(200);
        String first = server().get("/api/v1/datasets/" + one + "/report", key).body();
        assertThat(server().get("/api/v1/datasets/" + two + "/report", key).body()).isEqualTo(first);
        assertThat(first).doesNotContain("a.b@example.com").contains("\"kind\":\"email\"");
    }

    @Test
    void aMalformedLineInTheMiddleIsReportedAndTheRestAnalysed() {
        String key = traffic().workspace(prefix() + "-malformed");
        String[] lines = DatasetTraffic.textLabel(50).split("\n");
        lines[24] = "{\"text\": \"broken line, \"label\": }";
        String id = traffic().create(key, "{\"name\": \"with a bad line\", \"format\": \"text_label\"}");
        Response put = traffic().put(id, key, "application/jsonl", String.join("\n", lines) + "\n");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode report = traffic().ok("/api/v1/datasets/" + id + "/report", key);
        assertThat(report.get("lines").asLong()).isEqualTo(50);
        assertThat(report.get("records").asLong()).isEqualTo(49);
        assertThat(report.get("malformed").get("total").asLong()).isEqualTo(1);
        assertThat(report.get("malformed").get("examples").get(0).get("line").asLong()).isEqualTo(25);
        assertThat(report.get("malformed").get("examples").get(0).get("reason").asString()).startsWith("not valid JSON");
        assertThat(report.get("class_balance").get("labels").size()).isEqualTo(2);
        assertThat(report.get("recommendations").get(0).asString()).isEqualTo("fix or remove 1 malformed line (lines 25)");
    }

    @Test
    void progressIsVisibleWhileTheUploadRuns() throws Exception {
        String key = traffic().workspace(prefix() + "-progress");
        String id = traffic().create(key, "{\"name\": \"slow\"}");
        String all = DatasetTraffic.textLabel(40);
        int half = all.indexOf('\n', all.length() / 2) + 1;
        try (DatasetTraffic.Chunked upload = traffic().new Chunked("/api/v1/datasets/" + id + "/content", key,
                "application/x-ndjson")) {
            upload.send(all.substring(0, half));
            JsonNode running = await().atMost(Duration.ofSeconds(30)).until(
                    () -> traffic().ok("/api/v1/datasets/" + id, key), d -> d.get("lines_read").asLong() > 0);
            assertThat(running.get("status").asString()).isEqualTo("uploading");
            assertThat(running.get("upload_started_at").isNull()).isFalse();
            assertThat(running.get("bytes_read").asLong()).isPositive().isLessThanOrEqualTo(half);
            assertThat(server().get("/api/v1/datasets/" + id + "/report", key).status()).isEqualTo(409);
            Response second = traffic().put(id, key, "application/x-ndjson", all);
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.json().get("detail").asString()).isEqualTo("dataset '" + id
                    + "' already has an upload running; create a new dataset to upload again");
            upload.send(all.substring(half));
            String[] done = upload.finish();
            assertThat(done[0]).isEqualTo("HTTP/1.1 200 ");
        }
        JsonNode finished = traffic().ok("/api/v1/datasets/" + id, key);
        assertThat(finished.get("lines_read").asLong()).isEqualTo(40);
        assertThat(finished.get("bytes_read").asLong()).isEqualTo(all.length());
        assertThat(finished.get("status").asString()).isEqualTo("ready");
    }

    @Test
    void aDeclaredOversizeIsRefusedAtOnce() throws IOException {
        String key = traffic().workspace(prefix() + "-declared");
        String id = traffic().create(key, "{\"name\": \"huge\"}");
        String[] answer = traffic().claim("/api/v1/datasets/" + id + "/content", key, "application/x-ndjson",
                2L * 1024 * 1024 * 1024, "{\"text\": \"only the start of 2 GiB\"}\n");
        assertThat(answer[0]).isEqualTo("HTTP/1.1 413 ");
        assertThat(answer[1]).contains("\"detail\":\"the dataset is 2147483648 bytes (Content-Length), over the limit of "
                + LIMIT + " bytes (sextant.datasets.max-upload-bytes); nothing was read\"").contains("\"limit_bytes\":" + LIMIT);
        JsonNode d = traffic().ok("/api/v1/datasets/" + id, key);
        assertThat(d.get("status").asString()).as("nothing was read: the dataset still waits for content").isEqualTo("uploading");
        assertThat(traffic().put(id, key, "application/x-ndjson", DatasetTraffic.textLabel(3)).status()).isEqualTo(200);
    }

    @Test
    void aStreamedBodyThatCrossesTheLimitStopsThereAndFails() {
        String key = traffic().workspace(prefix() + "-crossed");
        String id = traffic().create(key, "{\"name\": \"too big\"}");
        byte[] big = DatasetTraffic.textLabel(3000).getBytes(StandardCharsets.UTF_8);
        assertThat((long) big.length).isGreaterThan(LIMIT).isLessThan(2 * 1024 * 1024); // under Tomcat's swallow size
        Response r = traffic().putStreamed(id, key, "application/x-ndjson", () -> new ByteArrayInputStream(big));
        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).isEqualTo("the dataset is over the limit of " + LIMIT
                + " bytes (sextant.datasets.max-upload-bytes); reading stopped there and the dataset is marked failed");
        assertThat(r.json().get("limit_bytes").asLong()).isEqualTo(LIMIT);
        assertThat(r.json().get("dataset_id").asString()).isEqualTo(id);
        JsonNode d = traffic().ok("/api/v1/datasets/" + id, key);
        assertThat(d.get("status").asString()).isEqualTo("failed");
        assertThat(d.get("error").asString()).startsWith("the dataset is over the limit of " + LIMIT);
        assertThat(d.get("bytes_read").asLong()).isEqualTo(LIMIT + 1);
        Response report = server().get("/api/v1/datasets/" + id + "/report", key);
        assertThat(report.status()).isEqualTo(409);
        assertThat(report.json().get("detail").asString()).startsWith("dataset '" + id + "' is failed (the dataset is over");

        Response oneShot = server().send(SextantTestServer.authorized(server().request("/api/v1/datasets?name=big"), key)
                .header("Content-Type", "application/x-ndjson").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)).build());
        assertThat(oneShot.status()).isEqualTo(413);
        assertThat(oneShot.json().get("detail").asString()).startsWith("the dataset is " + big.length + " bytes (Content-Length)");
        assertThat(oneShot.json().has("dataset_id")).as("nothing was created").isFalse();
        Response oneShotChunked = server().send(SextantTestServer.authorized(server().request("/api/v1/datasets?name=big"), key)
                .header("Content-Type", "application/x-ndjson")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertThat(oneShotChunked.status()).isEqualTo(413);
        String created = oneShotChunked.json().get("dataset_id").asString();
        assertThat(traffic().ok("/api/v1/datasets/" + created, key).get("status").asString()).isEqualTo("failed");
    }

    @Test
    void wrongContentTypesAre415() {
        String key = traffic().workspace(prefix() + "-types");
        String chat = traffic().create(key, "{\"name\": \"chat\", \"format\": \"chat\"}");
        Response plain = traffic().put(chat, key, "text/plain", "hello");
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.json().get("detail").asString()).isEqualTo("the request has Content-Type text/plain; send the dataset"
                + " as one of application/x-ndjson, application/jsonl, text/csv, application/octet-stream");
        Response json = traffic().put(chat, key, "application/json", "{}");
        assertThat(json.status()).isEqualTo(415);
        Response csv = traffic().put(chat, key, "text/csv", "a,b\n1,2\n");
        assertThat(csv.status()).isEqualTo(415);
        assertThat(csv.json().get("detail").asString()).isEqualTo("the dataset's format is chat but the request has CSV content;"
                + " send application/x-ndjson or application/jsonl");
        Response garbage = traffic().put(chat, key, "not a type", "x");
        assertThat(garbage.status()).isEqualTo(415);
        assertThat(traffic().ok("/api/v1/datasets/" + chat, key).get("status").asString()).isEqualTo("uploading");
        Response oneShot = traffic().oneShot("name=x", key, "text/html", "<p>");
        assertThat(oneShot.status()).isEqualTo(415);
    }

    @Test
    void badDefinitionsAre400NamingTheField() {
        String key = traffic().workspace(prefix() + "-bad");
        Response unknown = server().post("/api/v1/datasets", key, "{\"name\": \"x\", \"format\": \"parquet\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("format");
        assertThat(unknown.json().get("detail").asString())
                .isEqualTo("format must be one of chat, prompt_completion, text_label, csv, was 'parquet'");
        Response unknownParameter = traffic().oneShot("name=x&format=xlsx", key, "application/octet-stream", "a");
        assertThat(unknownParameter.status()).isEqualTo(400);
        assertThat(unknownParameter.json().get("errors").get(0).get("parameter").asString()).isEqualTo("format");
        Response noName = traffic().oneShot("format=csv", key, "text/csv", "a\n1\n");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("detail").asString()).isEqualTo("name is required");
        Response missing = server().post("/api/v1/datasets", key, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        Response wrongType = server().post("/api/v1/datasets", key, "{\"name\": 5}");
        assertThat(wrongType.status()).isEqualTo(400);
        Response extra = server().post("/api/v1/datasets", key, "{\"name\": \"x\", \"size\": 3}");
        assertThat(extra.status()).isEqualTo(400);
        Response malformed = server().post("/api/v1/datasets", key, "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        Response nul = server().post("/api/v1/datasets", key, "{\"name\": \"a\\u0000b\"}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("detail").asString()).startsWith("name contains a control character");
        Response tooLong = server().post("/api/v1/datasets", key, "{\"name\": \"" + "n".repeat(201) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString()).isEqualTo("name is 201 characters, over the limit of 200");
        Response huge = server().post("/api/v1/datasets", key, "{\"name\": \"" + "n".repeat(1_100_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        Response hostile = server().post("/api/v1/datasets", key, "{\"name\": \"<script>alert(1)</script>' OR 1=1 --\"}");
        assertThat(hostile.status()).isEqualTo(201);
        assertThat(hostile.json().get("name").asString()).isEqualTo("<script>alert(1)</script>' OR 1=1 --");
        assertThat(server().get("/api/v1/datasets/..%2F..%2Fetc", key).status()).isIn(400, 404);
        assertThat(server().get("/api/v1/datasets/ds_'%20OR%201=1", key).status()).isEqualTo(404);
    }

    @Test
    void oneShotCreatesAndReads() {
        String key = traffic().workspace(prefix() + "-oneshot");
        Response r = traffic().oneShot("name=quick&format=text_label", key, "application/x-ndjson", DatasetTraffic.textLabel(12));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("ready");
        assertThat(r.json().get("records").asLong()).isEqualTo(12);
        String id = r.json().get("id").asString();
        assertThat(traffic().ok("/api/v1/datasets/" + id + "/report", key).get("class_balance").get("normalized_entropy")
                .asDouble()).isEqualTo(1.0);
        Response again = traffic().put(id, key, "application/x-ndjson", DatasetTraffic.textLabel(2));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("dataset '" + id
                + "' already has content (status ready); create a new dataset to upload again");
        assertThat(server().delete("/api/v1/datasets/" + id, key).status()).isEqualTo(204);
        assertThat(server().get("/api/v1/datasets/" + id, key).status()).isEqualTo(404);
        assertThat(server().delete("/api/v1/datasets/" + id, key).status()).isEqualTo(404);
    }

    @Test
    void anotherWorkspaceNeverSeesOrChangesADataset() {
        String mine = traffic().workspace(prefix() + "-mine");
        String other = traffic().workspace(prefix() + "-other");
        String ready = traffic().create(mine, "{\"name\": \"ready\"}");
        assertThat(traffic().put(ready, mine, "application/x-ndjson", DatasetTraffic.textLabel(5)).status()).isEqualTo(200);
        String waiting = traffic().create(mine, "{\"name\": \"waiting\"}");
        for (String id : List.of(ready, waiting)) {
            for (String path : List.of("/api/v1/datasets/" + id, "/api/v1/datasets/" + id + "/report")) {
                Response r = server().get(path, other);
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.json().get("detail").asString()).isEqualTo("dataset '" + id + "' does not exist in this workspace");
            }
            assertThat(traffic().put(id, other, "application/x-ndjson", DatasetTraffic.textLabel(2)).status()).isEqualTo(404);
            assertThat(server().delete("/api/v1/datasets/" + id, other).status()).isEqualTo(404);
        }
        assertThat(traffic().ok("/api/v1/datasets", other).get("datasets").size()).isZero();
        assertThat(traffic().ok("/api/v1/datasets/" + waiting, mine).get("status").asString()).isEqualTo("uploading");
        assertThat(traffic().ok("/api/v1/datasets", mine).get("datasets").size()).isEqualTo(2);
    }

    @Test
    void keysNeedTheirScopes() {
        String admin = traffic().workspace(prefix() + "-scopes");
        String viewer = traffic().key(admin, "viewer", "analytics:view");
        String ingest = traffic().key(admin, "ingest", "ingest:write");
        String id = traffic().create(ingest, "{\"name\": \"by ingest\"}");
        Response viewerPost = server().post("/api/v1/datasets", viewer, "{\"name\": \"no\"}");
        assertThat(viewerPost.status()).isEqualTo(403);
        assertThat(viewerPost.json().get("required_scope").asString()).isEqualTo("ingest:write");
        assertThat(traffic().put(id, viewer, "application/x-ndjson", "{}").status()).isEqualTo(403);
        assertThat(server().delete("/api/v1/datasets/" + id, viewer).status()).isEqualTo(403);
        assertThat(traffic().put(id, ingest, "application/x-ndjson", DatasetTraffic.textLabel(4)).status()).isEqualTo(200);
        for (String path : List.of("/api/v1/datasets", "/api/v1/datasets/" + id, "/api/v1/datasets/" + id + "/report")) {
            assertThat(server().get(path, viewer).status()).as(path).isEqualTo(200);
            Response r = server().get(path, ingest);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.json().get("required_scope").asString()).isEqualTo("analytics:view");
            assertThat(server().send(server().request(path).GET().build()).status()).as(path).isEqualTo(401);
        }
    }
}
