package dev.sextant.server.tables;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Analytics answers as CSV and JSON Lines through the real server; figures by hand. */
class ITTableExport {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    /** bot: t-1 ok (search ok, search fails "HTTP 503 for order A1"), t-2 error; other: t-3 ok on the next day. */
    @BeforeAll
    static void ingest() {
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, """
                {"batch": [
                  {"type": "trace", "body": {"id": "t-1", "agent_id": "bot", "status": "ok", "started_at": "2026-11-01T10:00:00Z"}},
                  {"type": "trace", "body": {"id": "t-2", "agent_id": "bot", "status": "error", "started_at": "2026-11-01T11:00:00Z"}},
                  {"type": "trace", "body": {"id": "t-3", "agent_id": "other", "status": "ok", "started_at": "2026-11-02T10:00:00Z"}},
                  {"type": "span", "body": {"id": "s-1", "trace_id": "t-1", "kind": "tool", "tool_name": "search", "status": "ok",
                    "started_at": "2026-11-01T10:00:00Z", "ended_at": "2026-11-01T10:00:00.100Z"}},
                  {"type": "span", "body": {"id": "s-2", "trace_id": "t-1", "kind": "tool", "tool_name": "search", "status": "error",
                    "error": "HTTP 503 for order A1", "started_at": "2026-11-01T10:00:00Z", "ended_at": "2026-11-01T10:00:00.300Z"}}
                ]}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static List<CSVRecord> csv(Response r) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.body())).getRecords();
    }

    @Test
    void theToolRankingAsCsvHasOneRowPerToolWithNestedListsAsJson() throws IOException {
        Response r = server.get("/api/v1/analytics/tools?format=csv", ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.header("Content-Disposition")).contains("attachment; filename=\"tools-tools.csv\"");
        assertThat(r.header("Sextant-Data-As-Of")).isPresent();
        List<CSVRecord> rows = csv(r);
        assertThat(rows).hasSize(1);
        CSVRecord search = rows.getFirst();
        assertThat(search.get("tool_name")).isEqualTo("search");
        assertThat(search.get("calls")).isEqualTo("2");
        assertThat(search.get("failures")).isEqualTo("1");
        assertThat(search.get("failure_rate")).isEqualTo("0.5");
        JsonNode reasons = JsonMapper.builder().build().readTree(search.get("top_failure_reasons"));
        assertThat(reasons.get(0).get("pattern").asString()).isEqualTo("HTTP # for order A#");
    }

    @Test
    void aTrendBecomesOneRowPerBucketWithItsSeriesColumns() throws IOException {
        Response r = server.get("/api/v1/analytics/trends?metric=interactions&group_by=agent"
                + "&from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z&format=csv", ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<CSVRecord> rows = csv(r);
        // two agents × two days
        assertThat(rows).hasSize(4);
        assertThat(rows).extracting(row -> row.get("key") + "@" + row.get("start").substring(0, 10) + "=" + row.get("value"))
                .containsExactlyInAnyOrder("bot@2026-11-01=2.0", "bot@2026-11-02=0.0", "other@2026-11-01=0.0",
                        "other@2026-11-02=1.0");
        assertThat(rows.getFirst().isMapped("trend.direction")).isTrue();
        assertThat(rows.getFirst().isMapped("change.last")).isTrue();
    }

    @Test
    void jsonLinesHasOneFlatObjectPerRowAndTableChoosesTheList() throws IOException {
        Response r = server.get("/api/v1/analytics/agents?format=jsonl&table=agents", ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/x-ndjson");
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode bot = JsonMapper.builder().build().readTree(lines.getFirst());
        assertThat(bot.get("agent_id").asString()).isEqualTo("bot");
        assertThat(bot.get("executions").asLong()).isEqualTo(2);
    }

    @Test
    void badFormatOrTableIs400AndTheEndpointsOwnErrorsPassThrough() {
        Response xml = server.get("/api/v1/analytics/tools?format=xml", ADMIN_KEY);
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.json().get("errors").get(0).get("parameter").asString()).isEqualTo("format");
        assertThat(server.get("/api/v1/analytics/tools?format=csv&format=jsonl", ADMIN_KEY).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/analytics/tools?table=tools", ADMIN_KEY).status()).isEqualTo(400);

        Response table = server.get("/api/v1/analytics/tools?format=csv&table=nope", ADMIN_KEY);
        assertThat(table.status()).isEqualTo(400);
        assertThat(table.json().get("detail").asString()).isEqualTo("table must be one of tools, was 'nope'");

        Response metric = server.get("/api/v1/analytics/trends?metric=happiness&format=csv", ADMIN_KEY);
        assertThat(metric.status()).isEqualTo(400);
        assertThat(metric.contentType()).startsWith("application/problem+json");
        assertThat(metric.json().get("errors").get(0).get("parameter").asString()).isEqualTo("metric");
    }

    @Test
    void theScopeStillDecides() {
        Response key = server.post("/api/v1/api-keys", ADMIN_KEY, "{\"name\": \"w\", \"scopes\": [\"ingest:write\"]}");
        assertThat(server.get("/api/v1/analytics/tools?format=csv", key.json().get("secret").asString()).status())
                .isEqualTo(403);
        assertThat(server.get("/api/v1/analytics/tools?format=csv", "sk-sx-nope").status()).isEqualTo(401);
    }
}
