package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.RealServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code sextant datasets upload | report} against the real server (uploads limited to 3 MiB): a
 * text/label file of 40 distinct records with a malformed line 25, a 2 MiB file to see the
 * progress line move, a file over the limit, and another workspace's key.
 */
class ITDatasetsCommands {
    private static final Pattern ID = Pattern.compile("^Dataset (ds_[A-Za-z0-9_-]+) ");
    private static RealServer server;
    private static String otherKey;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = RealServer.startWith("--sextant.datasets.max-upload-bytes=" + 3 * (1 << 20));
        RealServer.Answer workspace = server.post("/api/v1/workspaces", "{\"slug\": \"cli-datasets-other\", \"name\": \"Other\"}");
        assertThat(workspace.status()).as(String.valueOf(workspace.body())).isEqualTo(201);
        otherKey = workspace.body().path("admin_key").path("secret").asString();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliRunner cli(String key) {
        return new CliRunner(dir).env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, key);
    }

    private static String textLabel(int records, int brokenLine) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= records + (brokenLine > 0 ? 1 : 0); i++) {
            if (i == brokenLine) {
                sb.append("{\"text\": \"broken line, \"label\": }\n");
            } else {
                sb.append(String.format(Locale.ROOT, "{\"text\": \"customer %d asks about order %d and the %s delivery window\","
                        + " \"label\": \"%s\"}%n", i, i * 7919 % 10007, i % 3 == 0 ? "morning" : "evening", i % 2 == 0 ? "shipping" : "billing"));
            }
        }
        return sb.toString();
    }

    private static String id(CliRunner.Result r) {
        Matcher m = ID.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return m.group(1);
    }

    @Test
    void uploadPrintsProgressThenTheScoreAndTheReportReadsBack() throws IOException {
        Path file = dir.resolve("tickets.jsonl");
        Files.writeString(file, textLabel(40, 25));
        CliRunner.Result r = cli(RealServer.KEY).run("datasets", "upload", file.toString(), "--name", "tickets",
                "--format", "text_label");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        String id = id(r);
        JsonNode d = server.fetch("/api/v1/datasets/" + id).body();
        assertThat(d.path("status").asString()).isEqualTo("ready");
        long bytes = Files.size(file);
        assertThat(r.out()).isEqualTo(String.format(Locale.ROOT, "Dataset %s \"tickets\" (text_label): 40 records in 41 lines,"
                + " %,d bytes.%nQuality score %.2f: %s.%nThe report: ./sextant datasets report %s%n", id, bytes,
                d.path("score").asDouble(), d.path("training_ready").asBoolean() ? "ready for training (above 0.7)"
                        : "not ready for training (0.7 or below)", id));
        assertThat(r.err()).endsWith("\ruploading tickets.jsonl: 0.0 MiB of 0.0 MiB (100%)\n");

        CliRunner.Result report = cli(RealServer.KEY).run("datasets", "report", id);
        assertThat(report.exitCode()).as(report.err()).isEqualTo(ExitCode.OK);
        JsonNode json = server.fetch("/api/v1/datasets/" + id + "/report").body();
        assertThat(report.out()).startsWith(String.format(Locale.ROOT, "Dataset %s: text_label, %,d bytes, 41 lines, 40 records%n",
                id, bytes));
        assertThat(report.out()).contains("  malformed lines    1 (line 25: " + json.path("malformed").path("examples").get(0)
                .path("reason").asString() + ")\n", "  labels             2, imbalance ratio 1.00, normalized entropy 1.00\n",
                "  duplicates         0 exact, ");
        assertThat(report.out()).contains("\nRecommendations\n  - " + json.path("recommendations").get(0).asString());
    }

    @Test
    void aBigFileShowsTheProgressLineMovingByTheMebibyte() throws IOException {
        Path file = dir.resolve("big.jsonl");
        Files.writeString(file, textLabel(30_000, 0));
        long size = Files.size(file);
        assertThat(size).isBetween(2L << 20, 3L << 20);
        CliRunner.Result r = cli(RealServer.KEY).run("datasets", "upload", file.toString(), "--name", "big");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).contains("\ruploading big.jsonl: 1.0 MiB of ", "\ruploading big.jsonl: 2.0 MiB of ")
                .endsWith(String.format(Locale.ROOT, " of %.1f MiB (100%%)%n", size / (double) (1 << 20)));
        assertThat(r.out()).contains("(text_label): 30,000 records in 30,000 lines");
    }

    @Test
    void aFileOverTheServersLimitIsTheServers413() throws IOException {
        Path file = dir.resolve("huge.jsonl");
        Files.writeString(file, textLabel(45_000, 0));
        assertThat(Files.size(file)).isGreaterThan(3L << 20);
        CliRunner.Result r = cli(RealServer.KEY).run("datasets", "upload", file.toString(), "--name", "huge");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).contains("sextant: the server at " + server.url() + " could not read dataset ds_", ": 413 the dataset is ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingFileIsRefusedBeforeAnythingIsCreated() {
        CliRunner.Result r = cli(RealServer.KEY).run("datasets", "upload", dir.resolve("nope.jsonl").toString(), "--name", "nope-cli");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("sextant: " + dir.resolve("nope.jsonl") + " does not exist\n");
        assertThat(server.fetch("/api/v1/datasets").body().path("datasets").valueStream()
                .map(x -> x.path("name").asString())).doesNotContain("nope-cli");
    }

    @Test
    void aBadFormatIsRefusedByTheCli() throws IOException {
        Path file = dir.resolve("x.jsonl");
        Files.writeString(file, textLabel(3, 0));
        CliRunner.Result r = cli(RealServer.KEY).run("datasets", "upload", file.toString(), "--name", "x", "--format", "parquet");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("Invalid value for option '--format': expected one of [chat, prompt_completion,"
                + " text_label, csv] (case-sensitive) but was 'parquet'");
    }

    @Test
    void anotherWorkspacesKeyCannotReadTheReportAndAViewerCannotUpload() throws IOException {
        Path file = dir.resolve("mine.jsonl");
        Files.writeString(file, textLabel(10, 0));
        String id = id(cli(RealServer.KEY).run("datasets", "upload", file.toString(), "--name", "mine"));
        CliRunner.Result other = cli(otherKey).run("datasets", "report", id);
        assertThat(other.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(other.err()).contains(": 404 dataset '" + id + "' does not exist in this workspace");

        RealServer.Answer created = server.post("/api/v1/api-keys", "{\"name\": \"viewer\", \"scopes\": [\"analytics:view\"]}");
        String viewer = created.body().path("secret").asString();
        CliRunner.Result upload = cli(viewer).run("datasets", "upload", file.toString(), "--name", "viewer");
        assertThat(upload.exitCode()).isEqualTo(ExitCode.BAD_KEY);
        assertThat(upload.err()).startsWith("sextant: the API key may not create a dataset at " + server.url()
                + ": it lacks the scope ingest:write");
        assertThat(cli(viewer).run("datasets", "report", id).exitCode()).isEqualTo(ExitCode.OK);
    }
}
