package dev.sextant.server.sessions;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/sessions and /api/v1/sessions/{id} through the real server: sessions recorded the
 * way the CLI records them (a session item, a trace with the session's id, tool and code
 * generation spans, a rating at the end), their totals, paging, bad parameters, and isolation
 * from another workspace that uses the same ids.
 */
class ITSessionsApi {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    static String otherKey;

    /** What `sextant session start`, `log-tool` (x2, one failing), `log-codegen` and `end --feedback 4` send. */
    private static String cliSession(String id, String agent, String user, String start, String end, String cost) {
        return """
                {"batch": [
                  {"type": "session", "body": {"id": "%1$s", "agent_id": "%2$s", "user_id": "%3$s",
                    "context": {"repo": "shop", "branch": "main"}, "started_at": "%4$s"}},
                  {"type": "trace", "body": {"id": "%1$s", "session_id": "%1$s", "name": "working session",
                    "agent_id": "%2$s", "user_id": "%3$s", "started_at": "%4$s"}},
                  {"type": "span", "body": {"id": "%1$s-llm", "trace_id": "%1$s", "kind": "llm", "name": "generate",
                    "model": "gpt-4o", "usage": {"input_tokens": 1000, "output_tokens": 200}, "cost_usd": %6$s,
                    "started_at": "%4$s", "ended_at": "%4$s"}},
                  {"type": "span", "body": {"id": "%1$s-t1", "trace_id": "%1$s", "kind": "tool", "name": "grep",
                    "tool_name": "grep", "status": "ok", "started_at": "%4$s", "ended_at": "%4$s"}},
                  {"type": "span", "body": {"id": "%1$s-t2", "trace_id": "%1$s", "kind": "tool", "name": "mvn",
                    "tool_name": "mvn", "status": "error", "error": "tests failed", "started_at": "%5$s", "ended_at": "%5$s"}},
                  {"type": "span", "body": {"id": "%1$s-g1", "trace_id": "%1$s", "kind": "code_generation",
                    "name": "Shop.java", "attributes": {"generation_type": "test", "lines": 40}, "started_at": "%5$s"}},
                  {"type": "trace", "body": {"id": "%1$s", "session_id": "%1$s", "ended_at": "%5$s", "status": "ok"}},
                  {"type": "session", "body": {"id": "%1$s", "ended_at": "%5$s"}},
                  {"type": "score", "body": {"id": "%1$s-rating", "trace_id": "%1$s", "name": "user_rating", "value": 4}}
                ]}""".formatted(id, agent, user, start, end, cost);
    }

    @BeforeAll
    static void data() {
        ingest(ADMIN_KEY, cliSession("sess-1", "coder", "ada", "2026-11-01T10:00:00Z", "2026-11-01T10:30:00Z", "0.25"));
        ingest(ADMIN_KEY, cliSession("sess-2", "coder", "bob", "2026-11-02T10:00:00Z", "2026-11-02T10:05:00Z", "0.5"));
        ingest(ADMIN_KEY, """
                {"batch": [{"type": "session", "body": {"id": "sess-3", "agent_id": "reviewer", "user_id": "ada",
                  "started_at": "2026-11-03T09:00:00Z"}}]}""");
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"sessions-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        otherKey = created.json().get("admin_key").get("secret").asString();
        ingest(otherKey, cliSession("sess-1", "intruder", "eve", "2026-11-01T11:00:00Z", "2026-11-01T11:01:00Z", "9"));
        ingest(otherKey, """
                {"batch": [{"type": "session", "body": {"id": "secret-sess", "started_at": "2026-11-04T09:00:00Z"}}]}""");
    }

    private static void ingest(String key, String json) {
        Response r = server.post("/api/v1/ingest", key, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private static Response get(String pathAndQuery) {
        return server.get(pathAndQuery, ADMIN_KEY);
    }

    @Test
    void theListHasEachSessionWithItsTotalsNewestFirst() {
        Response r = get("/api/v1/sessions");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode page = r.json();
        assertThat(ids(page)).containsExactly("sess-3", "sess-2", "sess-1");
        JsonNode one = page.get("items").get(2);
        assertThat(one.get("agent_id").asString()).isEqualTo("coder");
        assertThat(one.get("user_id").asString()).isEqualTo("ada");
        assertThat(one.get("started_at").asString()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(one.get("ended_at").asString()).isEqualTo("2026-11-01T10:30:00Z");
        assertThat(one.get("duration_ms").asLong()).isEqualTo(30 * 60 * 1000L);
        assertThat(one.get("status").asString()).isEqualTo("ended");
        assertThat(one.get("context").get("repo").asString()).isEqualTo("shop");
        JsonNode totals = one.get("totals");
        assertThat(totals.get("traces").asLong()).isEqualTo(1);
        assertThat(totals.get("error_traces").asLong()).isZero();
        assertThat(totals.get("spans").asLong()).isEqualTo(4);
        assertThat(totals.get("tool_calls").asLong()).isEqualTo(2);
        assertThat(totals.get("tool_errors").asLong()).isEqualTo(1);
        assertThat(totals.get("code_generations").asLong()).isEqualTo(1);
        assertThat(totals.get("tokens").get("input").asLong()).isEqualTo(1000);
        assertThat(totals.get("tokens").get("output").asLong()).isEqualTo(200);
        assertThat(totals.get("tokens").get("total").asLong()).isEqualTo(1200);
        assertThat(totals.get("cost_usd").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(totals.get("rating").get("count").asLong()).isEqualTo(1);
        assertThat(totals.get("rating").get("mean").asDouble()).isEqualTo(4.0);
        JsonNode open = page.get("items").get(0);
        assertThat(open.get("status").asString()).isEqualTo("open");
        assertThat(open.get("duration_ms").isNull()).isTrue();
        assertThat(open.get("totals").get("traces").asLong()).isZero();
        assertThat(open.get("totals").get("rating").get("mean").isNull()).isTrue();
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(ids(get("/api/v1/sessions?agent_id=coder").json())).containsExactly("sess-2", "sess-1");
        assertThat(ids(get("/api/v1/sessions?user_id=ada").json())).containsExactly("sess-3", "sess-1");
        assertThat(ids(get("/api/v1/sessions?status=open").json())).containsExactly("sess-3");
        assertThat(ids(get("/api/v1/sessions?status=ended").json())).containsExactly("sess-2", "sess-1");
        assertThat(ids(get("/api/v1/sessions?from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z").json()))
                .containsExactly("sess-2");
        assertThat(ids(get("/api/v1/sessions?agent_id=" + enc("x' OR '1'='1")).json())).isEmpty();
    }

    @Test
    void theCursorWalksEverySessionOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 10; i++) {
            JsonNode page = get("/api/v1/sessions?page_size=1" + (cursor == null ? "" : "&cursor=" + enc(cursor))).json();
            seen.addAll(ids(page));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
            if (cursor == null) {
                break;
            }
        }
        assertThat(seen).containsExactly("sess-3", "sess-2", "sess-1");
        assertThat(ids(get("/api/v1/sessions?page=2&page_size=2").json())).containsExactly("sess-1");
    }

    @Test
    void theDetailHasTheTracesAndStepsWithTheListsNumbers() {
        Response r = get("/api/v1/sessions/sess-1");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode d = r.json();
        JsonNode listed = get("/api/v1/sessions?user_id=ada&agent_id=coder").json().get("items").get(0);
        assertThat(d.get("session")).isEqualTo(listed);
        assertThat(d.get("traces")).hasSize(1);
        JsonNode trace = d.get("traces").get(0);
        assertThat(trace.get("id").asString()).isEqualTo("sess-1");
        assertThat(trace.get("span_count").asLong()).isEqualTo(4);
        assertThat(trace.get("cost_usd").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(d.get("traces_truncated").asBoolean()).isFalse();
        List<String> steps = new ArrayList<>();
        d.get("steps").forEach(s -> steps.add(s.get("kind").asString() + ":" + s.get("name").asString() + ":"
                + s.get("status").asString()));
        // oldest first; the failing build and the generation started at the same moment: then by id
        assertThat(steps).containsExactly("tool:grep:ok", "code_generation:Shop.java:", "tool:mvn:error");
        assertThat(d.get("steps").get(2).get("error").asString()).isEqualTo("tests failed");
        assertThat(d.get("steps").get(1).get("status").isNull()).isTrue();
        assertThat(d.get("steps").get(0).get("trace_id").asString()).isEqualTo("sess-1");
    }

    @Test
    void anotherWorkspacesSessionIsNotFoundAndItsFiguresNeverMix() {
        Response theirs = get("/api/v1/sessions/secret-sess");
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.body()).doesNotContain("2026-11-04");
        assertThat(theirs.json().get("detail").asString()).isEqualTo("session 'secret-sess' does not exist in this workspace");
        assertThat(get("/api/v1/sessions/no-such").status()).isEqualTo(404);
        // the same id in both workspaces: each sees its own
        JsonNode mine = get("/api/v1/sessions/sess-1").json();
        assertThat(mine.get("session").get("agent_id").asString()).isEqualTo("coder");
        assertThat(mine.get("session").get("totals").get("cost_usd").decimalValue()).isEqualByComparingTo("0.25");
        JsonNode other = server.get("/api/v1/sessions/sess-1", otherKey).json();
        assertThat(other.get("session").get("agent_id").asString()).isEqualTo("intruder");
        assertThat(other.get("session").get("totals").get("cost_usd").decimalValue()).isEqualByComparingTo("9");
        assertThat(ids(server.get("/api/v1/sessions", otherKey).json())).containsExactly("secret-sess", "sess-1");
        assertThat(server.get("/api/v1/sessions/sess-2", otherKey).status()).isEqualTo(404);
    }

    @Test
    void wrongParametersAreRefusedNamingEachOne() {
        Response r = get("/api/v1/sessions?agentId=coder&page_size=500&from=yesterday&status=running&page=abc");
        assertThat(r.status()).isEqualTo(400);
        String body = r.body();
        assertThat(body).contains("unknown parameter 'agentId'; known: agent_id, cursor, from, page, page_size, status, to, user_id");
        assertThat(body).contains("page_size must be between 1 and 200, was 500");
        assertThat(body).contains("from must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was 'yesterday'");
        assertThat(body).contains("status must be one of open, ended, was 'running'");
        assertThat(body).contains("page must be a whole number (1 or more), was 'abc'");

        assertThat(get("/api/v1/sessions?to=2026-11-01T00:00:00Z&from=2026-11-02T00:00:00Z").body())
                .contains("must be after from");
        assertThat(get("/api/v1/sessions?agent_id=" + "a".repeat(257)).body())
                .contains("agent_id is 257 characters, over the limit of 256");
        assertThat(get("/api/v1/sessions?agent_id=").body()).contains("agent_id is empty");
        assertThat(get("/api/v1/sessions?user_id=a&user_id=b").body()).contains("user_id was given 2 times");
        assertThat(get("/api/v1/sessions?page_size=0").status()).isEqualTo(400);
        assertThat(get("/api/v1/sessions?page=99999999999").status()).isEqualTo(400);
        assertThat(get("/api/v1/sessions?page=1000000").json().get("items")).isEmpty();
        assertThat(get("/api/v1/sessions/" + "x".repeat(300)).body()).contains("session ids are at most 256");
        assertThat(get("/api/v1/sessions/sess-1?verbose=true").body()).contains("unknown parameter 'verbose'");
    }

    @Test
    void aTamperedCursorIsRefused() {
        String real = get("/api/v1/sessions?page_size=1").json().get("next_cursor").asString();
        String tampered = "s" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("not-a-time\nsess-2".getBytes(StandardCharsets.UTF_8));
        String interactionCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("2026-11-01T10:00:00Z\nsess-2".getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of(tampered, interactionCursor, real + "%%%", "!!!", "x".repeat(3000))) {
            Response r = get("/api/v1/sessions?cursor=" + enc(bad));
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.body()).as(bad).containsAnyOf("cursor is not one this server issued", "over the limit");
        }
    }

    @Test
    void readingNeedsAKeyWithAnalyticsView() {
        assertThat(server.get("/api/v1/sessions", null).status()).isEqualTo(401);
        Response ingestOnly = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"sessions-ingest-only\", \"scopes\": [\"ingest:write\"]}");
        String key = ingestOnly.json().get("secret").asString();
        assertThat(server.get("/api/v1/sessions", key).status()).isEqualTo(403);
        assertThat(server.get("/api/v1/sessions/sess-1", key).status()).isEqualTo(403);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
