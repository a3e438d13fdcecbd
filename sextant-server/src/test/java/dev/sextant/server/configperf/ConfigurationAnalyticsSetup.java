package dev.sextant.server.configperf;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the configuration-analytics ITs set up through the API.
 *
 * <p>cw-support (agent cw-bot), by the admin key: v1 temperature 0.2, tone calm, max_tokens 400,
 * model m-1, one prompt template, workflow a (llm) → b (tool); v2 (parent v1, activated)
 * temperature 0.8; by the editor key: v3, a branch from v1, temperature 1.4, tone brisk,
 * max_tokens 800, workflow a, b (retrieval), c, d. Traffic, five traces per version and day on
 * Nov 1 to 4, 2026: successes per day v1 5, 5, 4, 5 (19 of 20), v2 3, 4, 3, 3 (13), v3 1, 2, 1, 1
 * (5); trace j (0..19) of a version lasts base + 10 j ms (base 1000, 1200, 1500); each trace is
 * rated 4 when it succeeded and 2 when it failed; cost 0.01, 0.02, 0.03 per trace.
 *
 * <p>cw-impact (agent cw-impact-bot), by the admin key: v1 temperature 0.2, v2 0.5, activated now
 * (day d). On days d − 3 .. d − 1, v1: four traces a day, two of them failed, 1000 ms, 0.01,
 * rated 3; on days d + 1 .. d + 3, v2: four a day, all ok, 500 ms, 0.02, rated 5.
 *
 * <p>Members: cw-member@example.com logs in and creates cw-member-cfg (interface.language,
 * interface.greeting, behaviour.tone: three changes); cw-idle@example.com changes nothing.
 */
final class ConfigurationAnalyticsSetup {
    static final String V1 = """
            {"prompt_templates": {"answer": "Answer: {{q}}"},
             "behaviour": {"model": "m-1", "temperature": 0.2, "tone": "calm", "max_tokens": 400},
             "workflow": {"steps": [{"id": "a", "type": "llm", "next": ["b"]}, {"id": "b", "type": "tool"}]}}""";
    static final String V2 = V1.replace("0.2", "0.8");
    static final String V3 = """
            {"prompt_templates": {"answer": "Answer: {{q}}"},
             "behaviour": {"model": "m-1", "temperature": 1.4, "tone": "brisk", "max_tokens": 800},
             "workflow": {"steps": [{"id": "a", "type": "llm", "next": ["b"]}, {"id": "b", "type": "retrieval"},
               {"id": "c", "type": "tool"}, {"id": "d", "type": "custom"}]}}""";

    /** The editor key's secret and the day of cw-impact's activation. */
    record Setup(String editorKey, LocalDate activationDay) {}

    private ConfigurationAnalyticsSetup() {}

    static Setup run(SextantTestServer server) {
        Response key = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"cw-editor\", \"scopes\": [\"config:write\", \"analytics:view\"]}");
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        String editor = key.json().get("secret").asString();
        created(server.post("/api/v1/configurations", ADMIN_KEY,
                "{\"id\": \"cw-support\", \"agent_id\": \"cw-bot\", \"content\": " + V1 + "}"));
        created(server.post("/api/v1/configurations/cw-support/versions", ADMIN_KEY,
                "{\"content\": " + V2 + ", \"activate\": true}"));
        created(server.post("/api/v1/configurations/cw-support/versions", editor,
                "{\"content\": " + V3 + ", \"parent_version\": 1}"));
        created(server.post("/api/v1/configurations", ADMIN_KEY, "{\"id\": \"cw-impact\", \"agent_id\": \"cw-impact-bot\","
                + " \"content\": {\"behaviour\": {\"temperature\": 0.2}}}"));
        created(server.post("/api/v1/configurations/cw-impact/versions", ADMIN_KEY,
                "{\"content\": {\"behaviour\": {\"temperature\": 0.5}}, \"activate\": true}"));
        members(server);
        Response events = server.get("/api/v1/configurations/cw-impact/events", ADMIN_KEY);
        JsonNode last = events.json().get("events").get(events.json().get("events").size() - 1);
        assertThat(last.get("kind").asString()).isEqualTo("activate");
        LocalDate day = LocalDate.ofInstant(Instant.parse(last.get("created_at").asString()), ZoneOffset.UTC);
        Response ingest = server.post("/api/v1/ingest", ADMIN_KEY, batch(day));
        assertThat(ingest.status()).as(ingest.toString()).isEqualTo(200);
        return new Setup(editor, day);
    }

    private static void members(SextantTestServer server) {
        for (String who : new String[] {"cw-member", "cw-idle"}) {
            created(server.post("/api/v1/members", ADMIN_KEY, "{\"email\": \"" + who + "@example.com\", \"role\":"
                    + " \"member\", \"password\": \"" + who + "-password\"}"));
        }
        Response login = server.send(server.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"cw-member@example.com\", \"password\":"
                        + " \"cw-member-password\"}")).build());
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String cookie = login.header("Set-Cookie").orElseThrow();
        created(server.send(server.request("/api/v1/configurations").header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .header("X-Sextant-Request", "1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"cw-member-cfg\", \"agent_id\": \"cw-member-bot\","
                        + " \"content\": {\"interface\": {\"language\": \"en\", \"greeting\": \"Hi\"},"
                        + " \"behaviour\": {\"tone\": \"warm\"}}}")).build()));
    }

    private static void created(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    static String batch(LocalDate d) {
        List<String> items = new ArrayList<>();
        int[][] successes = {{5, 5, 4, 5}, {3, 4, 3, 3}, {1, 2, 1, 1}};
        int[] base = {1000, 1200, 1500};
        String[] cost = {"0.01", "0.02", "0.03"};
        for (int v = 0; v < 3; v++) {
            for (int day = 0; day < 4; day++) {
                for (int k = 0; k < 5; k++) {
                    int j = day * 5 + k;
                    String id = "cw" + (v + 1) + "-" + j;
                    boolean ok = k < successes[v][day];
                    Instant start = Instant.parse("2026-11-01T10:00:00Z").plusSeconds(86_400L * day + 60L * k);
                    items.add(trace(id, "cw-bot", "cw-support-v" + (v + 1), start, base[v] + 10 * j, ok));
                    items.add(cost(id, cost[v]));
                    items.add(rating(id, ok ? 4 : 2));
                }
            }
        }
        for (int day = 1; day <= 3; day++) {
            for (int k = 0; k < 4; k++) {
                String before = "cwi1-" + day + "-" + k;
                Instant b = d.minusDays(day).atTime(12, k).toInstant(ZoneOffset.UTC);
                items.add(trace(before, "cw-impact-bot", "cw-impact-v1", b, 1000, k < 2));
                items.add(cost(before, "0.01"));
                items.add(rating(before, 3));
                String after = "cwi2-" + day + "-" + k;
                Instant a = d.plusDays(day).atTime(12, k).toInstant(ZoneOffset.UTC);
                items.add(trace(after, "cw-impact-bot", "cw-impact-v2", a, 500, true));
                items.add(cost(after, "0.02"));
                items.add(rating(after, 5));
            }
        }
        return "{\"batch\": [" + String.join(",\n", items) + "]}";
    }

    private static String trace(String id, String agent, String version, Instant start, long ms, boolean ok) {
        return """
                {"type": "trace", "body": {"id": "%s", "agent_id": "%s", "config_version": "%s", "status": "%s",
                  "started_at": "%s", "ended_at": "%s"}}""".formatted(id, agent, version, ok ? "ok" : "error", start,
                start.plusMillis(ms));
    }

    private static String cost(String trace, String usd) {
        return """
                {"type": "span", "body": {"id": "%s-llm", "trace_id": "%s", "kind": "llm", "name": "generate",
                  "cost_usd": %s}}""".formatted(trace, trace, usd);
    }

    private static String rating(String trace, double value) {
        return """
                {"type": "score", "body": {"id": "%s-r", "trace_id": "%s", "name": "user_rating", "value": %s}}"""
                .formatted(trace, trace, value);
    }
}
