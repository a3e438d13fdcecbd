package dev.sextant.cli;

import dev.sextant.testing.RealServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sextant export} against the real server: the file, the progress line, the exit codes. */
class ITExport {
    static final String AWKWARD = "comma, \"quote\"\nnew line ☃";
    private static RealServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = RealServer.start();
        RealServer.Answer r = server.post("/api/v1/ingest", """
                {"batch": [
                  {"type": "trace", "body": {"id": "cx-1", "agent_id": "alpha", "input": %s, "started_at": "2026-11-01T10:00:00Z"}},
                  {"type": "trace", "body": {"id": "cx-2", "agent_id": "beta", "started_at": "2026-11-01T11:00:00Z"}},
                  {"type": "span", "body": {"id": "cx-2-s", "trace_id": "cx-2", "kind": "tool", "tool_name": "t",
                    "started_at": "2026-11-01T11:00:01Z"}}
                ]}""".formatted(Json.MAPPER.writeValueAsString(AWKWARD)));
        assertThat(r.status()).isEqualTo(200);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliRunner cli(String key) {
        return new CliRunner(dir).env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, key);
    }

    @Test
    void tracesAsCsvLandInTheFileWithAProgressLine() throws IOException {
        Path out = dir.resolve("traces.csv");
        CliRunner.Result r = cli(RealServer.KEY).run("export", "--entity", "traces", "--format", "csv", "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        long bytes = Files.size(out);
        assertThat(r.err()).isEqualTo("\rexported traces: 2 rows, " + bytes + " bytes\n");
        assertThat(r.out()).startsWith("Wrote 2 traces (csv) to " + out + "; data as of 20");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(out, StandardCharsets.UTF_8)).getRecords();
        assertThat(rows).extracting(row -> row.get("id")).containsExactly("cx-1", "cx-2");
        assertThat(rows.getFirst().get("input")).isEqualTo(AWKWARD);
        assertThat(dir.resolve("traces.csv.part")).doesNotExist();
    }

    @Test
    void spansAsJsonLinesFollowTheFilters() throws IOException {
        Path out = dir.resolve("spans.jsonl");
        CliRunner.Result r = cli(RealServer.KEY).run("export", "--entity", "spans", "--format", "jsonl",
                "--out", out.toString(), "--agent-id", "beta");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1);
        assertThat(Json.MAPPER.readTree(lines.getFirst()).get("id").asString()).isEqualTo("cx-2-s");
        assertThat(cli(RealServer.KEY).run("export", "--entity", "spans", "--format", "jsonl", "--out",
                out.toString(), "--agent-id", "nobody").err()).isEqualTo("\rexported spans: 0 rows, 0 bytes\n");
    }

    @Test
    void spansAsParquetLandAsAParquetFile() throws IOException {
        Path out = dir.resolve("spans.parquet");
        CliRunner.Result r = cli(RealServer.KEY).run("export", "--entity", "spans", "--format", "parquet", "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        byte[] bytes = Files.readAllBytes(out);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(r.err()).isEqualTo("\rexported spans: " + bytes.length + " bytes\n");
        assertThat(r.out()).startsWith("Wrote " + bytes.length + " bytes of spans (parquet) to " + out);
    }

    @Test
    void badOptionsExitWithTwoAndAKeyWithoutAnalyticsViewWithFour() {
        Path out = dir.resolve("x.csv");
        CliRunner.Result entity = cli(RealServer.KEY).run("export", "--entity", "sessions", "--format", "csv",
                "--out", out.toString());
        assertThat(entity.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(entity.err()).contains("--entity").contains("traces, spans, scores");

        CliRunner.Result from = cli(RealServer.KEY).run("export", "--entity", "traces", "--format", "csv",
                "--out", out.toString(), "--from", "yesterday");
        assertThat(from.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(from.err()).isEqualTo("sextant: the server refused the export options: from must be an RFC 3339 "
                + "time with an offset, e.g. 2026-11-01T10:00:00Z, was 'yesterday'\n");

        RealServer.Answer key = server.post("/api/v1/api-keys", "{\"name\": \"ingest-only\", \"scopes\": [\"ingest:write\"]}");
        CliRunner.Result denied = cli(key.body().get("secret").asString()).run("export", "--entity", "traces",
                "--format", "csv", "--out", out.toString());
        assertThat(denied.exitCode()).isEqualTo(ExitCode.BAD_KEY);
        assertThat(denied.err()).contains("analytics:view");
        assertThat(out).doesNotExist();
    }
}
