package dev.sextant.server.analytics;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** /api/v1/analytics/code through the real server, every figure computed by hand below. */
class ITCodeGeneration {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    /**
     * g-1 test/java, 40 lines (lines_added), 1200 chars, 400 output tokens; ends 10:00:10, accepted
     *     on its trace at 10:00:40 (30 000 ms), "modified" 0 on the trace: kept as it was.
     * g-2 function/python (the CLI's "type" and "lines"), 10 lines; ends 10:10:05, accepted on the
     *     span at 10:10:25 (20 000 ms), "modified" true on the span.
     * g-3 test/java, 20 lines; ends 10:20:05, rejected (false) on the trace at 10:21:05 (60 000 ms);
     *     its "modified" 1 does not count (only accepted code is kept modified or not).
     * g-4 test, no language, nothing else; never judged.
     */
    private static final String BATCH = """
            {"batch": [
              %s, %s, %s, %s,
              {"type": "span", "body": {"id": "g-1", "trace_id": "c-1", "kind": "code_generation", "name": "gen",
                "started_at": "2026-11-01T10:00:01Z", "ended_at": "2026-11-01T10:00:10Z",
                "usage": {"input_tokens": 100, "output_tokens": 400},
                "attributes": {"generation_type": "test", "language": "java", "lines_added": 40, "characters": 1200}}},
              {"type": "score", "body": {"id": "v-1", "trace_id": "c-1", "name": "accepted", "value": 1,
                "created_at": "2026-11-01T10:00:40Z"}},
              {"type": "score", "body": {"id": "m-1", "trace_id": "c-1", "name": "modified", "value": 0}},
              {"type": "span", "body": {"id": "g-2", "trace_id": "c-2", "kind": "code_generation", "name": "gen",
                "started_at": "2026-11-01T10:10:01Z", "ended_at": "2026-11-01T10:10:05Z",
                "attributes": {"type": "function", "language": "python", "lines": 10}}},
              {"type": "score", "body": {"id": "v-2", "trace_id": "c-2", "span_id": "g-2", "name": "accepted",
                "value": true, "created_at": "2026-11-01T10:10:25Z"}},
              {"type": "score", "body": {"id": "m-2", "trace_id": "c-2", "span_id": "g-2", "name": "modified",
                "value": true}},
              {"type": "score", "body": {"id": "m-3", "trace_id": "c-3", "name": "modified", "value": 1}},
              {"type": "span", "body": {"id": "g-3", "trace_id": "c-3", "kind": "code_generation", "name": "gen",
                "started_at": "2026-11-01T10:20:01Z", "ended_at": "2026-11-01T10:20:05Z",
                "attributes": {"generation_type": "test", "language": "java", "lines_added": 20}}},
              {"type": "score", "body": {"id": "v-3", "trace_id": "c-3", "name": "accepted", "value": false,
                "created_at": "2026-11-01T10:21:05Z"}},
              {"type": "span", "body": {"id": "g-4", "trace_id": "c-4", "kind": "code_generation", "name": "gen",
                "started_at": "2026-11-01T10:30:01Z", "ended_at": "2026-11-01T10:30:05Z",
                "attributes": {"generation_type": "test"}}}
            ]}
            """.formatted(trace("c-1", "coder", "10:00"), trace("c-2", "coder", "10:10"), trace("c-3", "helper", "10:20"),
            trace("c-4", "helper", "10:30"));

    private static String trace(String id, String agent, String at) {
        return """
                {"type": "trace", "body": {"id": "%s", "agent_id": "%s", "started_at": "2026-11-01T%s:00Z"}}"""
                .formatted(id, agent, at);
    }

    @BeforeAll
    static void ingest() {
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, BATCH);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void acceptanceModificationTimesAndSizes() {
        JsonNode body = ok("/api/v1/analytics/code");
        assertThat(body.get("data_as_of").asString()).isEqualTo("2026-11-01T10:30:00Z");
        assertThat(body.get("insufficient_data").isNull()).isTrue();
        JsonNode all = body.get("overall");
        assertThat(all.get("generations").asLong()).isEqualTo(4);
        assertThat(all.get("judged").asLong()).isEqualTo(3);
        assertThat(all.get("accepted").asLong()).isEqualTo(2);
        assertThat(all.get("rejected").asLong()).isEqualTo(1);
        assertThat(all.get("modified").asLong()).isEqualTo(1);
        assertThat(all.get("unmodified").asLong()).isEqualTo(1);
        assertThat(all.get("acceptance_rate").asDouble()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(all.get("modification_rate").asDouble()).isEqualTo(0.5);
        JsonNode accept = all.get("time_to_accept_ms");
        assertThat(accept.get("count").asLong()).isEqualTo(2);
        assertThat(accept.get("mean").asDouble()).isEqualTo(25_000.0);
        assertThat(accept.get("p50").asDouble()).isEqualTo(25_000.0);
        assertThat(accept.get("p95").asDouble()).isCloseTo(29_500.0, within(1e-6)); // 20 000 + 0.95 × 10 000
        assertThat(all.get("time_to_reject_ms").get("mean").asDouble()).isEqualTo(60_000.0);
        JsonNode lines = all.get("lines"); // 10, 20, 40
        assertThat(lines.get("count").asLong()).isEqualTo(3);
        assertThat(lines.get("mean").asDouble()).isCloseTo(70 / 3.0, within(1e-9));
        assertThat(lines.get("p50").asDouble()).isEqualTo(20.0);
        assertThat(lines.get("p95").asDouble()).isCloseTo(38.0, within(1e-9)); // 20 + 0.9 × 20
        assertThat(all.get("characters").get("count").asLong()).isEqualTo(1);
        assertThat(all.get("output_tokens").get("mean").asDouble()).isEqualTo(400.0);
    }

    @Test
    void byGenerationTypeAndByLanguage() {
        JsonNode body = ok("/api/v1/analytics/code");
        JsonNode types = body.get("by_generation_type");
        assertThat(types.size()).isEqualTo(2);
        assertThat(types.get(0).get("key").asString()).isEqualTo("test");
        assertThat(types.get(0).get("generations").asLong()).isEqualTo(3);
        assertThat(types.get(0).get("acceptance_rate").asDouble()).isEqualTo(0.5);
        assertThat(types.get(0).get("modification_rate").asDouble()).isEqualTo(0.0);
        assertThat(types.get(1).get("key").asString()).isEqualTo("function");
        assertThat(types.get(1).get("modification_rate").asDouble()).isEqualTo(1.0);
        JsonNode languages = body.get("by_language");
        assertThat(languages.size()).isEqualTo(3);
        assertThat(languages.get(0).get("key").asString()).isEqualTo("java");
        assertThat(languages.get(1).get("key").asString()).isEqualTo("python");
        assertThat(languages.get(2).get("key").isNull()).isTrue();
        assertThat(languages.get(2).get("acceptance_rate").isNull()).isTrue();
    }

    @Test
    void theListFiltersApplyAndNothingIsInventedWithoutData() {
        JsonNode helper = ok("/api/v1/analytics/code?agent_id=helper").get("overall");
        assertThat(helper.get("generations").asLong()).isEqualTo(2);
        assertThat(helper.get("acceptance_rate").asDouble()).isEqualTo(0.0);
        assertThat(helper.get("modification_rate").isNull()).isTrue();
        JsonNode none = ok("/api/v1/analytics/code?agent_id=nobody");
        assertThat(none.get("overall").get("generations").asLong()).isZero();
        assertThat(none.get("overall").get("acceptance_rate").isNull()).isTrue();
        assertThat(none.get("overall").get("lines").get("mean").isNull()).isTrue();
        assertThat(none.get("insufficient_data").asString()).contains("0 generations");
        JsonNode unjudged = ok("/api/v1/analytics/code?from=2026-11-01T10:30:00Z");
        assertThat(unjudged.get("insufficient_data").asString()).contains("none of the 1 generations");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "language=java | language",
            "limit=5 | limit",
            "from=yesterday | from",
            "min_confidence=2 | min_confidence",
            "to=2026-01-01T00:00:00Z&from=2026-02-01T00:00:00Z | to"})
    void badParametersAre400NamingTheParameter(String query, String parameter) {
        Response r = server.get("/api/v1/analytics/code?" + query, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"parameter\":\"" + parameter + "\"");
    }

    @Test
    void aKeyWithoutAnalyticsViewIs403AndNoKeyIs401() {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"code-ingest-only\", \"scopes\": [\"ingest:write\"]}");
        Response r = server.get("/api/v1/analytics/code", created.json().get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(server.send(server.request("/api/v1/analytics/code").GET().build()).status()).isEqualTo(401);
    }

    @Test
    void anotherWorkspaceSeesNothingOfThis() {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"code-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response r = server.get("/api/v1/analytics/code", created.json().get("admin_key").get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("overall").get("generations").asLong()).isZero();
        assertThat(r.json().get("by_generation_type").size()).isZero();
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
