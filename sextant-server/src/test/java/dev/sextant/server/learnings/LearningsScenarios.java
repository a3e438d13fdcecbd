package dev.sextant.server.learnings;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Learnings through the real server, the same scenarios on each store: created, applied through
 * the API and through learning spans, read with their figures (worked by hand), changed and
 * retired (audited); recommendations from planted tool success rates; and every kind of bad
 * input and the tenant boundary.
 */
abstract class LearningsScenarios {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    abstract SextantTestServer server();

    void lifecycle(String prefix) {
        String key = workspace(prefix + "-life");
        String other = workspace(prefix + "-life-other");
        Response created = server().post("/api/v1/learnings", key, """
                {"id": "retry-search", "agent_id": "coder", "statement": "Retry search once with a wider query",
                 "pattern": {"items": ["tool=search", "retry=1"], "outcome": "success"},
                 "evidence": {"support": 0.2, "confidence": 0.8, "lift": 1.4, "n": 10, "source": "patterns"},
                 "initial_confidence": 0.8}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode l = created.json();
        assertThat(l.get("pattern").toString()).isEqualTo("{\"items\":[\"tool=search\",\"retry=1\"],\"outcome\":\"success\"}");
        assertThat(l.get("evidence").get("n").asLong()).isEqualTo(10);
        assertThat(l.get("status").asString()).isEqualTo("active");
        // prior Beta(8, 2): strength 10 from evidence.n, mean 0.8
        assertThat(l.get("confidence").get("value").asDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(l.get("confidence").get("prior").get("alpha").asDouble()).isCloseTo(8, within(1e-12));
        assertThat(l.get("applications").get("total").asLong()).isZero();
        Response generated = server().post("/api/v1/learnings", key, """
                {"statement": "Prefer small diffs", "pattern": ["diff<50"]}""");
        assertThat(generated.status()).as(generated.toString()).isEqualTo(201);
        assertThat(generated.json().get("id").asString()).matches("lrn_[0-9a-f]{16}");

        // five traces of coder: c0..c2 ok, c3..c4 error; five more without the learning (baseline), 2 of 5 ok
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(trace("c" + i, "coder", i < 3 ? "ok" : "error", NOW.minusSeconds(600 - i)));
            items.add(trace("base" + i, "coder", i < 2 ? "ok" : "error", NOW.minusSeconds(500 - i)));
        }
        // c1 and c2 applied it through learning spans; c2's span says the application failed
        items.add(learningSpan("c1-l", "c1", "retry-search", null, NOW.minusSeconds(599)));
        items.add(learningSpan("c2-l", "c2", "retry-search", "failure", NOW.minusSeconds(598)));
        ingest(key, items);
        // the same trace ids in the other workspace, all ok: never counted here
        ingest(other, List.of(trace("c3", "coder", "ok", NOW), trace("later", "coder", "error", NOW)));
        for (String body : List.of("{\"trace_id\": \"c0\"}", "{\"trace_id\": \"c3\"}", "{\"trace_id\": \"c4\"}",
                "{\"trace_id\": \"later\"}", "{\"trace_id\": \"c1\", \"outcome\": \"success\"}")) {
            Response applied = server().post("/api/v1/learnings/retry-search/applications", key, body);
            assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        }
        JsonNode pending = server().post("/api/v1/learnings/retry-search/applications", key,
                "{\"trace_id\": \"later\"}").json();
        assertThat(pending.get("outcome").asString()).as("the other workspace's 'later' is unknown here")
                .isEqualTo("pending");

        JsonNode read = ok("/api/v1/learnings/retry-search", key);
        // c0 ok, c1 success (declared, API row wins over its span), c2 failure (span), c3 c4 error, later pending
        JsonNode apps = read.get("applications");
        assertThat(apps.get("total").asLong()).isEqualTo(6);
        assertThat(apps.get("successes").asLong()).isEqualTo(2);
        assertThat(apps.get("failures").asLong()).isEqualTo(3);
        assertThat(apps.get("pending").asLong()).isEqualTo(1);
        assertThat(apps.get("success_rate").asDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(read.get("baseline").get("traces").asLong()).isEqualTo(5);
        assertThat(read.get("baseline").get("successes").asLong()).isEqualTo(2);
        assertThat(read.get("difference").get("value").asDouble()).isCloseTo(0.0, within(1e-12));
        assertThat(read.get("difference").get("p_value").asDouble()).isCloseTo(1.0, within(1e-9));
        // Beta(8 + 2, 2 + 3): mean 10/15
        assertThat(read.get("confidence").get("value").asDouble()).isCloseTo(10.0 / 15, within(1e-12));
        assertThat(read.get("confidence").get("direction").asString()).isEqualTo("falling");
        assertThat(read.get("confidence").get("trend")).hasSize(1);
        assertThat(ok("/api/v1/learnings/retry-search?interval=day", key).get("confidence").get("interval").asString())
                .isEqualTo("day");

        JsonNode page = ok("/api/v1/learnings/retry-search/applications?page_size=4", key);
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(page.get("applications")).hasSize(4);
        assertThat(ok("/api/v1/learnings/retry-search/applications?page=2&page_size=4", key).get("applications"))
                .hasSize(2);
        // the trace arrives: the pending application takes its outcome
        ingest(key, List.of(trace("later", "coder", "ok", NOW.minusSeconds(10))));
        assertThat(ok("/api/v1/learnings/retry-search", key).get("applications").get("successes").asLong())
                .isEqualTo(3);

        Response patched = patch("/api/v1/learnings/retry-search", key, "{\"statement\": \"Retry search once\"}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("statement").asString()).isEqualTo("Retry search once");
        Response retired = patch("/api/v1/learnings/retry-search", key, "{\"status\": \"retired\"}");
        assertThat(retired.json().get("status").asString()).isEqualTo("retired");
        assertThat(ok("/api/v1/learnings?status=active", key).get("learnings")).hasSize(1);
        assertThat(ok("/api/v1/learnings?agent_id=coder", key).get("learnings")).hasSize(1);
        assertThat(ok("/api/v1/learnings", key).get("learnings")).hasSize(2);
        for (String action : List.of("learning.create", "learning.update", "learning.retire")) {
            assertThat(ok("/api/v1/audit-log?action=" + action, key).get("items")).as(action).isNotEmpty();
            assertThat(ok("/api/v1/audit-log?action=" + action, other).get("items")).as(action).isEmpty();
        }
        // the other workspace sees nothing of it
        assertThat(ok("/api/v1/learnings", other).get("learnings")).isEmpty();
        assertThat(server().get("/api/v1/learnings/retry-search", other).status()).isEqualTo(404);
        assertThat(server().get("/api/v1/learnings/retry-search/applications", other).status()).isEqualTo(404);
        assertThat(patch("/api/v1/learnings/retry-search", other, "{\"status\": \"active\"}").status()).isEqualTo(404);
        assertThat(server().post("/api/v1/learnings/retry-search/applications", other, "{\"trace_id\": \"c3\"}")
                .status()).isEqualTo(404);
        assertThat(ok("/api/v1/learnings/retry-search", key).get("status").asString()).isEqualTo("retired");
    }

    /** Task x: tool a succeeds 90 of 100 times, b 60 of 100; task y (from the intent): equal rates. */
    void recommendations(String prefix) {
        String key = workspace(prefix + "-rec");
        String other = workspace(prefix + "-rec-other");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(taskTrace("xa" + i, "x", null, i < 90, i));
            items.add(toolSpan("xa" + i, "tool-a"));
            items.add(taskTrace("xb" + i, "x", null, i < 60, i));
            items.add(toolSpan("xb" + i, "tool-b"));
        }
        for (int i = 0; i < 40; i++) {
            items.add(taskTrace("ya" + i, null, "y", i < 30, i));
            items.add(toolSpan("ya" + i, "tool-a"));
            items.add(taskTrace("yb" + i, null, "y", i < 30, i));
            items.add(toolSpan("yb" + i, "tool-b"));
        }
        for (int from = 0; from < items.size(); from += 200) {
            ingest(key, items.subList(from, Math.min(items.size(), from + 200)));
        }
        // the other workspace: the opposite rates for x, so any leak changes the answer
        ingest(other, List.of(taskTrace("xb0", "x", null, true, 0), toolSpan("xb0", "tool-b")));

        JsonNode answer = ok("/api/v1/learnings/recommendations", key);
        assertThat(answer.get("min_traces").asInt()).isEqualTo(20);
        assertThat(answer.get("correction").asString()).isEqualTo("holm");
        JsonNode x = answer.get("tasks").get(0);
        assertThat(x.get("task_type").asString()).isEqualTo("x");
        JsonNode tool = x.get("tool");
        assertThat(tool.get("verdict").asString()).isEqualTo("recommended");
        assertThat(tool.get("best").get("name").asString()).isEqualTo("tool-a");
        assertThat(tool.get("best").get("traces").asLong()).isEqualTo(100);
        assertThat(tool.get("best").get("success_rate").asDouble()).isCloseTo(0.9, within(1e-12));
        assertThat(tool.get("best").get("ci_low").asDouble()).isCloseTo(0.8256343384950865, within(1e-9));
        assertThat(tool.get("runner_up").get("name").asString()).isEqualTo("tool-b");
        assertThat(tool.get("runner_up").get("success_rate").asDouble()).isCloseTo(0.6, within(1e-12));
        assertThat(tool.get("difference").asDouble()).isCloseTo(0.3, within(1e-12));
        assertThat(tool.get("ci_low").asDouble()).isCloseTo(0.1827891706745629, within(1e-9));
        assertThat(tool.get("ci_high").asDouble()).isCloseTo(0.40774007222930186, within(1e-9));
        assertThat(tool.get("p_value").asDouble()).isCloseTo(1.2433405573877402e-06, within(1e-12));
        assertThat(x.get("model").get("verdict").asString()).isEqualTo("no_clear_winner");
        JsonNode y = answer.get("tasks").get(1);
        assertThat(y.get("task_type").asString()).isEqualTo("y");
        assertThat(y.get("tool").get("verdict").asString()).isEqualTo("no_clear_winner");
        assertThat(y.get("tool").get("difference").asDouble()).isZero();
        assertThat(y.get("tool").get("best").get("traces").asLong()).isEqualTo(40);

        assertThat(ok("/api/v1/learnings/recommendations?task_type=y", key).get("tasks")).hasSize(1);
        assertThat(ok("/api/v1/learnings/recommendations?min_traces=101", key).get("tasks").get(0).get("tool")
                .get("verdict").asString()).isEqualTo("no_clear_winner");
        assertThat(ok("/api/v1/learnings/recommendations?agent_id=nobody", key).get("tasks")).isEmpty();
        JsonNode theirs = ok("/api/v1/learnings/recommendations", other);
        assertThat(theirs.get("tasks")).hasSize(1);
        assertThat(theirs.get("tasks").get(0).get("tool").get("best").get("traces").asLong()).isEqualTo(1);

        // a learning applied ten times, all successes: confidence high and rising, recommended for wider use
        server().post("/api/v1/learnings", key, """
                {"id": "use-tool-a", "statement": "Use tool-a for x", "pattern": {"items": ["tool=tool-a"]}}""");
        for (int i = 0; i < 10; i++) {
            server().post("/api/v1/learnings/use-tool-a/applications", key, "{\"trace_id\": \"xa" + i + "\"}");
        }
        JsonNode wider = ok("/api/v1/learnings/recommendations", key).get("learnings");
        assertThat(wider).hasSize(1);
        assertThat(wider.get(0).get("id").asString()).isEqualTo("use-tool-a");
        assertThat(wider.get(0).get("confidence").asDouble()).isCloseTo(11.0 / 12, within(1e-12));
        assertThat(wider.get(0).get("direction").asString()).isEqualTo("rising");
        assertThat(ok("/api/v1/learnings/recommendations", other).get("learnings")).isEmpty();
    }

    void badInputAndScopes(String prefix) {
        String key = workspace(prefix + "-bad");
        String viewer = key(key, prefix + "-viewer", "analytics:view");
        String ingestOnly = key(key, prefix + "-ingest", "ingest:write");
        String body = "{\"id\": \"l1\", \"statement\": \"s\", \"pattern\": {}}";
        assertThat(server().post("/api/v1/learnings", null, body).status()).isEqualTo(401);
        assertThat(server().post("/api/v1/learnings", viewer, body).status()).isEqualTo(403);
        assertThat(server().post("/api/v1/learnings", ingestOnly, body).status()).isEqualTo(403);
        assertThat(server().post("/api/v1/learnings", key, body).status()).isEqualTo(201);
        assertThat(server().post("/api/v1/learnings", key, body).status()).as("duplicate id").isEqualTo(409);
        assertThat(server().get("/api/v1/learnings/l1", viewer).status()).isEqualTo(200);
        assertThat(patch("/api/v1/learnings/l1", viewer, "{\"status\": \"retired\"}").status()).isEqualTo(403);
        assertThat(server().post("/api/v1/learnings/l1/applications", viewer, "{\"trace_id\": \"t\"}").status())
                .isEqualTo(403);
        assertThat(server().post("/api/v1/learnings/l1/applications", ingestOnly, "{\"trace_id\": \"t\"}").status())
                .as("agents apply learnings with their ingest key").isEqualTo(201);
        assertThat(server().get("/api/v1/learnings", ingestOnly).status()).isEqualTo(403);

        problem(server().post("/api/v1/learnings", key, "{\"statement\": \"" + "s".repeat(2001) + "\", \"pattern\": {}}"),
                "statement", "statement is 2001 characters, over the limit of 2000");
        problem(server().post("/api/v1/learnings", key, "{\"statement\": 5, \"pattern\": {}}"), "statement", null);
        problem(server().post("/api/v1/learnings", key, "{\"statement\": \"s\", \"pattern\": \"text\"}"), "pattern",
                "pattern must be a JSON object or array, was string");
        problem(server().post("/api/v1/learnings", key, "{\"statement\": \"s\"}"), "pattern", "pattern is required");
        problem(server().post("/api/v1/learnings", key, "{\"statement\": \"s\", \"pattern\": {}, \"evidence\":"
                + " {\"support\": 1.5}}"), "evidence", "evidence.support must be between 0 and 1, was 1.5");
        assertThat(server().post("/api/v1/learnings", key, "{\"statement\": \"s\", \"pattern\": {}, \"evidence\":"
                + " {\"support\": 1.5}}").body()).contains("\"pointer\":\"/evidence/support\"");
        problem(server().post("/api/v1/learnings", key, "{\"statement\": \"s\", \"pattern\": {}, \"evidence\":"
                + " {\"n\": \"many\"}}"), "evidence.n", "must be a number, was 'many'");
        problem(server().post("/api/v1/learnings", key, "{\"statement\": \"s\", \"pattern\": {},"
                + " \"initial_confidence\": 2}"), "initial_confidence", "initial_confidence must be between 0 and 1");
        problem(server().post("/api/v1/learnings", key, "{\"id\": \"../x\", \"statement\": \"s\", \"pattern\": {}}"),
                "id", "id must be 1-64 characters");
        problem(server().post("/api/v1/learnings", key, "{\"id\": \"recommendations\", \"statement\": \"s\","
                + " \"pattern\": {}}"), "id", "id 'recommendations' is reserved");
        problem(server().post("/api/v1/learnings", key, "{\"statement\": \"s\", \"pattern\": {}, \"colour\": 1}"),
                "colour", null);
        problem(server().post("/api/v1/learnings", key, "{\"statement\": \"a\\u0000b\", \"pattern\": {}}"),
                "statement", "NUL");
        assertThat(server().post("/api/v1/learnings", key, "{\"statement\": ").status()).isEqualTo(400);
        assertThat(server().post("/api/v1/learnings", key, "[1]").status()).isEqualTo(400);
        Response big = server().post("/api/v1/learnings", key, "{\"statement\": \"s\", \"pattern\": {\"x\": \""
                + "p".repeat(20_000) + "\"}}");
        problem(big, "pattern", "over the limit of 16384");
        Response hostile = server().post("/api/v1/learnings", key, "{\"statement\": \"Robert'); DROP TABLE learnings;"
                + " -- <script>\", \"pattern\": {\"q\": \"' OR 1=1\"}}");
        assertThat(hostile.status()).isEqualTo(201);
        assertThat(ok("/api/v1/learnings/" + hostile.json().get("id").asString(), key).get("statement").asString())
                .isEqualTo("Robert'); DROP TABLE learnings; -- <script>");

        problem(patch("/api/v1/learnings/l1", key, "{}"), "body", "name what to change");
        problem(patch("/api/v1/learnings/l1", key, "{\"status\": \"deleted\"}"), "status",
                "status must be active or retired, was 'deleted'");
        problem(patch("/api/v1/learnings/l1", key, "{\"statement\": \"\"}"), "statement", "statement is required");
        assertThat(patch("/api/v1/learnings/nope", key, "{\"status\": \"retired\"}").status()).isEqualTo(404);

        problem(server().post("/api/v1/learnings/l1/applications", key, "{}"), "trace_id", "trace_id is required");
        problem(server().post("/api/v1/learnings/l1/applications", key, "{\"trace_id\": \"t\", \"outcome\": \"pending\"}"),
                "outcome", "outcome must be success or failure");
        problem(server().post("/api/v1/learnings/l1/applications", key, "{\"trace_id\": 7}"), "trace_id", null);
        problem(server().post("/api/v1/learnings/l1/applications", key, "{\"trace_id\": \"" + "t".repeat(300) + "\"}"),
                "trace_id", "over the limit of 256");
        Response unknown = server().post("/api/v1/learnings/nope/applications", key, "{\"trace_id\": \"t\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("learning 'nope' does not exist in this workspace");
        assertThat(server().get("/api/v1/learnings/nope", key).status()).isEqualTo(404);
        assertThat(server().get("/api/v1/learnings/" + "x".repeat(65), key).status()).isEqualTo(404);
        assertThat(server().get("/api/v1/learnings/a%20b", key).status()).isEqualTo(404);

        problem(server().get("/api/v1/learnings?colour=red", key), "colour", "unknown parameter 'colour'");
        problem(server().get("/api/v1/learnings?page_size=500", key), "page_size", "page_size must be a whole number");
        problem(server().get("/api/v1/learnings?status=gone", key), "status", "status must be one of active, retired");
        problem(server().get("/api/v1/learnings/l1?interval=month", key), "interval", "interval must be one of week, day");
        problem(server().get("/api/v1/learnings/l1/applications?page=0", key), "page", "page must be a whole number");
        problem(server().get("/api/v1/learnings/recommendations?min_traces=0", key), "min_traces",
                "min_traces must be a whole number between 1 and 1000000");
        problem(server().get("/api/v1/learnings/recommendations?colour=red", key), "colour", null);
        problem(server().get("/api/v1/learnings/recommendations?from=yesterday", key), "from", null);
        assertThat(server().get("/api/v1/learnings/recommendations", null).status()).isEqualTo(401);
        assertThat(server().get("/api/v1/learnings/recommendations", ingestOnly).status()).isEqualTo(403);
    }

    /** The baseline counts the traces started in its window: by default the 90 days up to now. */
    void baselineWindow(String prefix) {
        String key = workspace(prefix + "-window");
        Response created = server().post("/api/v1/learnings", key, """
                {"id": "w", "agent_id": "wa", "statement": "Keep answers short", "pattern": ["short"]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("baseline").get("traces").asLong()).isZero();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(trace("old" + i, "wa", "error", NOW.minus(Duration.ofDays(200)).plusSeconds(i)));
        }
        for (int i = 0; i < 4; i++) {
            items.add(trace("new" + i, "wa", i < 3 ? "ok" : "error", NOW.minus(Duration.ofDays(10)).plusSeconds(i)));
        }
        items.add(trace("applied", "wa", "ok", NOW.minus(Duration.ofDays(10))));
        ingest(key, items);
        assertThat(server().post("/api/v1/learnings/w/applications", key, "{\"trace_id\": \"applied\"}").status())
                .isEqualTo(201);

        JsonNode baseline = ok("/api/v1/learnings/w", key).get("baseline");
        assertThat(baseline.get("traces").asLong()).isEqualTo(4);
        assertThat(baseline.get("successes").asLong()).isEqualTo(3);
        Instant from = Instant.parse(baseline.get("from").asString());
        Instant to = Instant.parse(baseline.get("to").asString());
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(90));
        assertThat(to).isAfter(NOW);

        String wide = "from=" + NOW.minus(Duration.ofDays(300)) + "&to=" + NOW.plusSeconds(60);
        JsonNode all = ok("/api/v1/learnings/w?" + wide, key).get("baseline");
        assertThat(all.get("traces").asLong()).isEqualTo(7);
        assertThat(all.get("successes").asLong()).isEqualTo(3);
        assertThat(all.get("from").asString()).isEqualTo(NOW.minus(Duration.ofDays(300)).toString());
        assertThat(ok("/api/v1/learnings?" + wide, key).get("learnings").get(0).get("baseline").get("traces").asLong())
                .isEqualTo(7);
        String old = "from=" + NOW.minus(Duration.ofDays(250)) + "&to=" + NOW.minus(Duration.ofDays(100));
        assertThat(ok("/api/v1/learnings?" + old, key).get("learnings").get(0).get("baseline").get("traces").asLong())
                .isEqualTo(3);

        problem(server().get("/api/v1/learnings/w?from=yesterday", key), "from",
                "from must be an RFC 3339 time with an offset");
        problem(server().get("/api/v1/learnings?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", key), "to",
                "to (2026-01-01T00:00:00Z) must be after from (2026-02-01T00:00:00Z)");
        problem(server().get("/api/v1/learnings/w?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", key), "from",
                "from 2024-01-01T00:00:00Z to 2026-01-01T00:00:00Z is longer than 366 days");
        problem(server().get("/api/v1/learnings?to=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z", key), "to",
                "to was given 2 times; give it once");
        // another workspace's learning is 404 whatever the window
        String other = workspace(prefix + "-window-other");
        assertThat(server().get("/api/v1/learnings/w?" + wide, other).status()).isEqualTo(404);
        assertThat(ok("/api/v1/learnings?" + wide, other).get("learnings")).isEmpty();
    }

    private void problem(Response r, String name, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.body()).as(r.toString()).containsAnyOf("\"field\":\"" + name + "\"", "\"parameter\":\"" + name + "\"");
        if (message != null) {
            assertThat(r.body()).as(r.toString()).contains(message);
        }
    }

    private static String trace(String id, String agent, String status, Instant at) {
        return """
                {"type": "trace", "body": {"id": "%s", "agent_id": "%s", "status": "%s", "started_at": "%s",
                  "ended_at": "%s"}}""".formatted(id, agent, status, at, at.plusSeconds(1));
    }

    private static String learningSpan(String id, String traceId, String learningId, String outcome, Instant at) {
        return """
                {"type": "span", "body": {"id": "%s", "trace_id": "%s", "kind": "learning", "name": "apply",
                  "started_at": "%s", "attributes": {"learning_id": "%s", "applied": true%s}}}"""
                .formatted(id, traceId, at, learningId, outcome == null ? "" : ", \"outcome\": \"" + outcome + "\"");
    }

    private static String taskTrace(String id, String taskType, String intent, boolean ok, int i) {
        Instant at = NOW.minusSeconds(3600 + i);
        return """
                {"type": "trace", "body": {"id": "%s", "agent_id": "coder", "status": "%s", "started_at": "%s",
                  "ended_at": "%s"%s%s}}""".formatted(id, ok ? "ok" : "error", at, at.plusSeconds(1),
                taskType == null ? "" : ", \"metadata\": {\"task_type\": \"" + taskType + "\"}",
                intent == null ? "" : ", \"intents\": [{\"name\": \"" + intent + "\", \"confidence\": 0.9}]");
    }

    private static String toolSpan(String traceId, String tool) {
        return """
                {"type": "span", "body": {"id": "%s-tool", "trace_id": "%s", "kind": "tool", "name": "call",
                  "tool_name": "%s", "started_at": "%s"}}""".formatted(traceId, traceId, tool, NOW.minusSeconds(3600));
    }

    private void ingest(String key, List<String> items) {
        Response r = server().post("/api/v1/ingest", key, "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private Response patch(String path, String key, String json) {
        return server().send(SextantTestServer.authorized(server().request(path), key)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    String workspace(String slug) {
        Response created = server().post("/api/v1/workspaces", ADMIN_KEY,
                "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    String key(String adminKey, String name, String... scopes) {
        String list = String.join(", ", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList());
        Response created = server().post("/api/v1/api-keys", adminKey,
                "{\"name\": \"" + name + "\", \"scopes\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    JsonNode ok(String path, String key) {
        Response r = server().get(path, key);
        assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
        return r.json();
    }
}
