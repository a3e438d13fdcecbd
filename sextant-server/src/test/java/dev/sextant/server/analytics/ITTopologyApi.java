package dev.sextant.server.analytics;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** /api/v1/analytics/topology through the real server, figures computed by hand. */
class ITTopologyApi {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    /**
     * Two runs of "orch": its root agent span calls seo, writer and editor; the writer hands off
     * to the editor. Run 1's editor fails. Costs (reported): seo 0.01, writer 0.10 / 0.20, editor
     * 0.02 / 0.04, the orchestrator's own planning 0.001 each.
     */
    @BeforeAll
    static void ingest() {
        List<String> items = new ArrayList<>();
        run(items, 1, "0.10", "0.02", "error", "00:08");
        run(items, 2, "0.20", "0.04", "ok", "00:07");
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("rejected").size()).as(r.toString()).isZero();
    }

    private static void run(List<String> items, int n, String writerCost, String editorCost, String editorStatus,
            String editorEnd) {
        String t = "topo-" + n;
        String day = "2026-11-0" + n + "T10:";
        items.add("""
                {"type": "trace", "body": {"id": "%s", "agent_id": "orch", "status": "ok",
                  "started_at": "%s00:00Z", "ended_at": "%s00:10Z"}}""".formatted(t, day, day));
        items.add(span(t, "root", null, "agent", "orch", day + "00:00", day + "00:10", "ok", null, ""));
        items.add(span(t, "plan", t + "-root", "llm", "plan", day + "00:00.5", day + "00:01", "ok", "0.001", ""));
        items.add(span(t, "seo", t + "-root", "agent", "seo", day + "00:01", day + "00:02", "ok", null, ""));
        items.add(span(t, "seo-llm", t + "-seo", "llm", "kw", day + "00:01", day + "00:02", "ok", "0.01", ""));
        items.add(span(t, "wr", t + "-root", "agent", "writer", day + "00:02", day + "00:05", "ok", null, ""));
        items.add(span(t, "wr-llm", t + "-wr", "llm", "draft", day + "00:02", day + "00:04", "ok", writerCost, ""));
        items.add(span(t, "ho", t + "-wr", "handoff", "to_editor", day + "00:04.5", day + "00:04.6", "ok", null,
                "\"handoff\": {\"triggered\": true, \"reason\": \"draft_ready\", \"target\": \"editor\"},"));
        items.add(span(t, "ed", t + "-root", "agent", "editor", day + "00:05", day + editorEnd, editorStatus, null, ""));
        items.add(span(t, "ed-llm", t + "-ed", "llm", "edit", day + "00:05", day + "00:06", "ok", editorCost, ""));
    }

    private static String span(String trace, String id, String parent, String kind, String name, String start,
            String end, String status, String cost, String extra) {
        return """
                {"type": "span", "body": {"id": "%s-%s", "trace_id": "%s", %s "kind": "%s", "name": "%s",
                  "status": "%s", %s %s "started_at": "%sZ", "ended_at": "%sZ"}}"""
                .formatted(trace, id, trace, parent == null ? "" : "\"parent_id\": \"" + parent + "\",", kind, name,
                        status, status.equals("error") ? "\"error\": \"schema\"," : "",
                        (cost == null ? "" : "\"cost_usd\": " + cost + ",") + extra, start, end);
    }

    private static JsonNode edge(JsonNode body, String kind, String source, String target) {
        for (JsonNode e : body.get("edges")) {
            if (e.get("kind").asString().equals(kind) && e.get("source").asString().equals(source)
                    && e.get("target").asString().equals(target)) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " edge " + source + " -> " + target + " in " + body);
    }

    private static JsonNode node(JsonNode body, String agent) {
        for (JsonNode n : body.get("nodes")) {
            if (n.get("agent_id").asString().equals(agent)) {
                return n;
            }
        }
        throw new AssertionError("no node " + agent + " in " + body);
    }

    @Test
    void callsAndHandOffsCarryTheirCountsCostsAndFailures() {
        JsonNode body = ok("/api/v1/analytics/topology");
        assertThat(body.get("data_as_of").asString()).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(body.get("min_count").asLong()).isEqualTo(1);
        assertThat(body.get("focus_agent").isNull()).isTrue();
        assertThat(body.get("edges").size()).isEqualTo(4);

        JsonNode writer = edge(body, "calls", "orch", "writer");
        assertThat(writer.get("count").asLong()).isEqualTo(2);
        assertThat(writer.get("traces").asLong()).isEqualTo(2);
        assertThat(writer.get("failures").asLong()).isZero();
        assertThat(writer.get("cost_usd").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(writer.get("p95_duration_ms").asDouble()).isEqualTo(3000.0);
        assertThat(writer.get("received").isNull()).isTrue();

        JsonNode editor = edge(body, "calls", "orch", "editor");
        assertThat(editor.get("failures").asLong()).isEqualTo(1);
        assertThat(editor.get("failure_rate").asDouble()).isEqualTo(0.5);
        assertThat(editor.get("cost_usd").decimalValue()).isEqualByComparingTo("0.06");
        assertThat(editor.get("p50_duration_ms").asDouble()).isEqualTo(2500.0);
        assertThat(editor.get("p95_duration_ms").asDouble()).isEqualTo(2950.0);

        JsonNode handoff = edge(body, "hands_off", "writer", "editor");
        assertThat(handoff.get("count").asLong()).isEqualTo(2);
        assertThat(handoff.get("received").asLong()).isEqualTo(2);
        assertThat(handoff.get("failures").asLong()).isEqualTo(1);
        assertThat(handoff.get("cost_usd").decimalValue()).isEqualByComparingTo("0.06");
        assertThat(edge(body, "calls", "orch", "seo").get("cost_usd").decimalValue()).isEqualByComparingTo("0.02");

        Response again = server.get("/api/v1/analytics/topology", ADMIN_KEY);
        assertThat(again.json().get("cached").asBoolean()).as(again.toString()).isTrue();
        assertThat(again.json().get("edges")).isEqualTo(body.get("edges"));

        JsonNode orch = node(body, "orch");
        assertThat(orch.get("invocations").asLong()).isEqualTo(2);
        assertThat(orch.get("cost_usd").decimalValue()).isEqualByComparingTo("0.002");
        assertThat(orch.get("error_rate").asDouble()).isZero();
        JsonNode ed = node(body, "editor");
        assertThat(ed.get("errors").asLong()).isEqualTo(1);
        assertThat(ed.get("error_rate").asDouble()).isEqualTo(0.5);
        assertThat(ed.get("cost_usd").decimalValue()).isEqualByComparingTo("0.06");
    }

    @Test
    void theRangeTheFocusAndMinCountSelect() {
        JsonNode day2 = ok("/api/v1/analytics/topology?from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z");
        assertThat(edge(day2, "calls", "orch", "editor").get("count").asLong()).isEqualTo(1);
        assertThat(edge(day2, "calls", "orch", "editor").get("failures").asLong()).isZero();

        JsonNode seo = ok("/api/v1/analytics/topology?agent_id=seo");
        assertThat(seo.get("focus_agent").asString()).isEqualTo("seo");
        assertThat(seo.get("edges").size()).isEqualTo(1);
        assertThat(seo.get("nodes").size()).isEqualTo(2);

        assertThat(ok("/api/v1/analytics/topology?min_count=3").get("edges").size()).isZero();
        assertThat(ok("/api/v1/analytics/topology?min_count=2").get("edges").size()).isEqualTo(4);
    }

    @Test
    void edgesComeAsCsvWithTableEdges() {
        Response r = server.get("/api/v1/analytics/topology?format=csv&table=edges", ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().lines().findFirst().orElseThrow()).startsWith("source,target,kind,count,traces,failures");
        assertThat(r.body()).contains("writer,editor,hands_off,2,2,1,0.5,2");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({
            "min_count=0, min_count",
            "min_count=-3, min_count",
            "min_count=x, min_count",
            "min_count=1.5, min_count",
            "min_count=99999999999999999999, min_count",
            "min_count=1&min_count=2, min_count",
            "agent_id=, agent_id",
            "agent_id=a&agent_id=b, agent_id",
            "from=yesterday, from",
            "status=weird, status",
            "format=xml, format",
            "format=csv&table=agents, table",
            "agentId=orch, agentId"})
    void badParametersAre400NamingTheParameter(String query, String parameter) {
        Response r = server.get("/api/v1/analytics/topology?" + query, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"" + parameter + "\"");
    }

    @Test
    void anOversizeOrHostileFocusIsRefusedOrMatchesNothing() {
        Response long_ = server.get("/api/v1/analytics/topology?agent_id=" + "a".repeat(2000), ADMIN_KEY);
        assertThat(long_.status()).as(long_.toString()).isEqualTo(400);
        assertThat(long_.body()).contains("agent_id is 2000 characters long");
        String hostile = "orch' OR '1'='1 <script>alert(1)</script>";
        JsonNode body = ok("/api/v1/analytics/topology?agent_id=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
        assertThat(body.get("nodes").size()).isZero();
        assertThat(body.get("edges").size()).isZero();
        assertThat(body.get("focus_agent").asString()).isEqualTo(hostile);
        // nothing else was lost
        assertThat(ok("/api/v1/analytics/topology").get("edges").size()).isEqualTo(4);
    }

    @Test
    void anUnknownParameterIsNamedWithEveryAcceptedOne() {
        Response r = server.get("/api/v1/analytics/topology?depth=2", ADMIN_KEY);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).isEqualTo("unknown parameter 'depth'; known: agent_id, "
                + "conversation_id, from, handoff, max_confidence, message_type, min_confidence, min_count, model, "
                + "session_id, status, tag, to, user_id");
    }

    @Test
    void aKeyWithoutAnalyticsViewIs403AndNoKeyIs401() {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"topology-ingest-only\", \"scopes\": [\"ingest:write\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response r = server.get("/api/v1/analytics/topology", created.json().get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.body()).contains("analytics:view");
        assertThat(server.send(server.request("/api/v1/analytics/topology").GET().build()).status()).isEqualTo(401);
    }

    @Test
    void anotherWorkspaceSeesNothingOfThis() {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY,
                "{\"slug\": \"topo-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String other = created.json().get("admin_key").get("secret").asString();
        for (String query : new String[] {"", "?agent_id=orch", "?agent_id=editor&from=2026-11-01T00:00:00Z"}) {
            Response r = server.get("/api/v1/analytics/topology" + query, other);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("nodes").size()).as(query).isZero();
            assertThat(r.json().get("edges").size()).as(query).isZero();
        }
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
