package dev.sextant.server.export;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/export through the real server: CSV and JSON Lines, filters, bad parameters, scope. */
class ITExport {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    static final String AWKWARD = "a, \"quoted\" value\nsecond line\r\nsnowman ☃ 漢字 🎉";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void data() {
        String awkward = JSON.writeValueAsString(AWKWARD);
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, """
                {"batch": [
                  {"type": "trace", "body": {"id": "ex-1", "agent_id": "alpha", "input": %s, "tags": ["vip", "eu"],
                    "started_at": "2026-11-01T10:00:00Z"}},
                  {"type": "trace", "body": {"id": "ex-2", "agent_id": "beta", "started_at": "2026-11-01T11:00:00Z"}},
                  {"type": "span", "body": {"id": "ex-1-s", "trace_id": "ex-1", "kind": "tool", "tool_name": "search",
                    "started_at": "2026-11-01T10:00:01Z"}},
                  {"type": "span", "body": {"id": "ex-2-s", "trace_id": "ex-2", "kind": "tool", "tool_name": "lookup",
                    "started_at": "2026-11-01T11:00:01Z"}},
                  {"type": "score", "body": {"id": "ex-1-c", "trace_id": "ex-1", "name": "rating", "value": 4}}
                ]}""".formatted(awkward));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static List<CSVRecord> csv(String body) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(body)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void tracesAsCsvRoundTripAwkwardTextWithAHeaderAndAnAttachmentName() {
        Instant before = Instant.now();
        Response r = server.get("/api/v1/export?entity=traces&format=csv", ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.header("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"sextant-traces-").endsWith(".csv\"");
        Instant asOf = Instant.parse(r.header("Sextant-Data-As-Of").orElseThrow());
        assertThat(asOf).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(r.body()).startsWith("id,agent_id,");

        List<CSVRecord> rows = csv(r.body());
        assertThat(rows).extracting(row -> row.get("id")).containsExactly("ex-1", "ex-2");
        assertThat(rows.getFirst().get("input")).isEqualTo(AWKWARD);
        assertThat(rows.getFirst().get("started_at")).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(JSON.readTree(rows.getFirst().get("tags"))).isEqualTo(JSON.readTree("[\"vip\",\"eu\"]"));
        assertThat(rows.get(1).get("input")).isEmpty();
    }

    @Test
    void spansAsJsonLinesFollowTheTraceFilter() {
        Response r = server.get("/api/v1/export?entity=spans&format=jsonl&agent_id=alpha", ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/x-ndjson");
        assertThat(r.body()).endsWith("\n");
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode span = JSON.readTree(lines.getFirst());
        assertThat(span.get("id").asString()).isEqualTo("ex-1-s");
        assertThat(span.get("tool_name").asString()).isEqualTo("search");
        assertThat(span.get("model").isNull()).isTrue();

        JsonNode trace = JSON.readTree(server.get("/api/v1/export?entity=traces&format=jsonl&agent_id=alpha",
                ADMIN_KEY).body().lines().findFirst().orElseThrow());
        assertThat(trace.get("input").asString()).isEqualTo(AWKWARD);
        assertThat(trace.get("tags").isArray()).as("JSON columns are JSON, not strings").isTrue();

        List<String> scores = server.get("/api/v1/export?entity=scores&format=jsonl", ADMIN_KEY).body().lines().toList();
        assertThat(scores).hasSize(1);
        assertThat(JSON.readTree(scores.getFirst()).get("value").asDouble()).isEqualTo(4.0);
    }

    /** The Parquet file is read back by DuckDB itself: same rows, same order, same columns as CSV. */
    @Test
    void spansAsParquetHoldTheSelectedRowsInOrder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("spans.parquet");
        java.net.http.HttpResponse<java.nio.file.Path> r = java.net.http.HttpClient.newHttpClient().send(
                SextantTestServer.authorized(server.request("/api/v1/export?entity=spans&format=parquet"), ADMIN_KEY)
                        .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofFile(file));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/vnd.apache.parquet");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains(".parquet");
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        List<String> header = csv(server.get("/api/v1/export?entity=spans&format=csv", ADMIN_KEY).body()).getFirst()
                .getParser().getHeaderNames();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.PreparedStatement q = c.prepareStatement("SELECT * FROM read_parquet(?)")) {
            q.setString(1, file.toString());
            try (java.sql.ResultSet rs = q.executeQuery()) {
                java.sql.ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new java.util.ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
                assertThat(columns).isEqualTo(header);
                List<String> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString("id") + "/" + rs.getString("trace_id") + "/" + rs.getString("tool_name"));
                }
                assertThat(rows).containsExactly("ex-1-s/ex-1/search", "ex-2-s/ex-2/lookup");
            }
        }
    }

    @Test
    void badParametersAre400NamingTheParameterAndTheValidValues() {
        Response entity = server.get("/api/v1/export?entity=sessions&format=csv", ADMIN_KEY);
        assertThat(entity.status()).as(entity.toString()).isEqualTo(400);
        assertThat(entity.json().get("errors").get(0).get("parameter").asString()).isEqualTo("entity");
        assertThat(entity.json().get("errors").get(0).get("message").asString())
                .isEqualTo("entity must be one of traces, spans, scores, was 'sessions'");

        Response format = server.get("/api/v1/export?entity=traces&format=xlsx", ADMIN_KEY);
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("errors").get(0).get("message").asString())
                .isEqualTo("format must be one of csv, jsonl, parquet, was 'xlsx'");

        Response missing = server.get("/api/v1/export", ADMIN_KEY);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors")).extracting(e -> e.get("parameter").asString())
                .containsExactly("entity", "format");

        Response filter = server.get("/api/v1/export?entity=traces&format=csv&from="
                + URLEncoder.encode("yesterday", StandardCharsets.UTF_8), ADMIN_KEY);
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.json().get("errors").get(0).get("parameter").asString()).isEqualTo("from");
    }

    @Test
    void anUnknownParameterIs400ListingEveryAcceptedParameterIncludingEntityAndFormat() {
        Response r = server.get("/api/v1/export?entity=traces&format=csv&agentId=alpha", ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors")).hasSize(1);
        assertThat(r.json().get("errors").get(0).get("parameter").asString()).isEqualTo("agentId");
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo("unknown parameter 'agentId';"
                + " known: agent_id, conversation_id, entity, format, from, handoff, max_confidence, message_type,"
                + " min_confidence, model, session_id, status, tag, to, user_id");
    }

    @Test
    void aKeyWithoutAnalyticsViewIs403() {
        Response ingestOnly = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"ingester\", \"scopes\": [\"ingest:write\"]}");
        assertThat(ingestOnly.status()).as(ingestOnly.toString()).isEqualTo(201);
        String key = ingestOnly.json().get("secret").asString();
        Response r = server.get("/api/v1/export?entity=traces&format=csv", key);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("required_scope").asString()).isEqualTo("analytics:view");
    }
}
