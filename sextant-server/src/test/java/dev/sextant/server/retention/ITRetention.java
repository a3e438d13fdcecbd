package dev.sextant.server.retention;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Retention through the real server: defaults, changes, bad bodies (nothing changed), scopes,
 * and runs that remove only the caller's workspace's old data.
 */
class ITRetention {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Test
    void aNewWorkspaceShowsTheDefaultsAndNoRunYet() {
        String key = workspace("r-defaults");
        JsonNode r = ok(key);
        assertThat(r.get("policies")).hasSize(4);
        JsonNode traces = r.get("policies").get(0);
        assertThat(traces.get("kind").asString()).isEqualTo("traces");
        assertThat(traces.get("days").asInt()).isEqualTo(400);
        assertThat(traces.get("default_days").asInt()).isEqualTo(400);
        assertThat(traces.get("is_default").asBoolean()).isTrue();
        assertThat(traces.get("description").asString()).contains("spans and scores");
        for (int i = 1; i < 4; i++) {
            JsonNode p = r.get("policies").get(i);
            assertThat(p.get("days").isNull()).as(p.toString()).isTrue();
            assertThat(p.get("default_days").isNull()).isTrue();
        }
        assertThat(r.get("policies").get(1).get("kind").asString()).isEqualTo("payloads");
        assertThat(r.get("policies").get(2).get("kind").asString()).isEqualTo("scores");
        assertThat(r.get("policies").get(3).get("kind").asString()).isEqualTo("training_metrics");
        assertThat(r.get("policies").get(3).get("description").asString()).contains("training runs");
        assertThat(r.get("last_run").isNull()).isTrue();
        Instant next = Instant.parse(r.get("next_run_at").asString());
        assertThat(next).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
    }

    @Test
    void anAdminSetsAnySubsetAndTheRestStays() {
        String key = workspace("r-set");
        String other = workspace("r-set-other");
        Response put = put(key, "{\"traces\": 365, \"payloads\": 30}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(days(put.json(), 0)).isEqualTo("365");
        assertThat(days(put.json(), 1)).isEqualTo("30");
        assertThat(put(key, "{\"scores\": null, \"traces\": null}").status()).isEqualTo(200);

        JsonNode r = ok(key);
        assertThat(days(r, 0)).isEqualTo("null");
        assertThat(r.get("policies").get(0).get("is_default").asBoolean()).isFalse();
        assertThat(r.get("policies").get(0).get("default_days").asInt()).isEqualTo(400);
        assertThat(days(r, 1)).isEqualTo("30");
        assertThat(days(r, 2)).isEqualTo("null");
        assertThat(r.get("policies").get(2).get("is_default").asBoolean()).isFalse();
        assertThat(put(key, "{}").status()).isEqualTo(200);
        assertThat(days(ok(key), 1)).isEqualTo("30");
        assertThat(days(ok(other), 0)).isEqualTo("400");
        assertThat(ok(other).get("policies").get(1).get("is_default").asBoolean()).isTrue();
        Response governance = server.get("/api/v1/governance/retention", key);
        assertThat(governance.status()).isEqualTo(200);
        assertThat(governance.json()).isEqualTo(ok(key));
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"traces\": 0}", "traces", "traces must be between 1 and 36500 days (or null to keep forever), was 0"),
                Arguments.of("{\"traces\": -5}", "traces", "traces must be between 1 and 36500 days (or null to keep forever), was -5"),
                Arguments.of("{\"traces\": 36501}", "traces", "traces must be between 1 and 36500 days (or null to keep forever), was 36501"),
                Arguments.of("{\"traces\": 99999999999999999999999}", "traces",
                        "traces must be between 1 and 36500 days (or null to keep forever), was 99999999999999999999999"),
                Arguments.of("{\"payloads\": \"30\"}", "payloads",
                        "payloads must be a whole number of days (1 to 36500) or null to keep forever, was the string \"30\""),
                Arguments.of("{\"payloads\": 30.5}", "payloads",
                        "payloads must be a whole number of days (1 to 36500) or null to keep forever, was the fraction 30.5"),
                Arguments.of("{\"scores\": true}", "scores",
                        "scores must be a whole number of days (1 to 36500) or null to keep forever, was a boolean"),
                Arguments.of("{\"scores\": [30]}", "scores",
                        "scores must be a whole number of days (1 to 36500) or null to keep forever, was an array"),
                Arguments.of("{\"training_metrics\": \"90\"}", "training_metrics",
                        "training_metrics must be a whole number of days (1 to 36500) or null to keep forever, was the string \"90\""),
                Arguments.of("{\"training_metrics\": 0}", "training_metrics",
                        "training_metrics must be between 1 and 36500 days (or null to keep forever), was 0"),
                Arguments.of("{\"<script>alert(1)</script>\": 1}", "<script>alert(1)</script>",
                        "unknown kind '<script>alert(1)</script>': the kinds are traces, payloads, scores, training_metrics"),
                Arguments.of("{\"a\\u0000b\": 1}", "a?b",
                        "unknown kind 'a?b': the kinds are traces, payloads, scores, training_metrics"),
                Arguments.of("[1, 2]", "body", "the body must be a JSON object such as {\"traces\": 365, \"payloads\": 30, \"scores\": null}, was array"),
                Arguments.of("42", "body", "the body must be a JSON object such as {\"traces\": 365, \"payloads\": 30, \"scores\": null}, was number"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAre400NamingTheFieldAndChangeNothing(String body, String field, String message) {
        String key = workspace("r-bad-" + Integer.toHexString(body.hashCode()));
        // a valid kind beside the bad one is not applied either
        String withValid = body.startsWith("{") ? "{\"traces\": 7, " + body.substring(1) : body;
        Response r = put(key, withValid);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asString()).isEqualTo(message);
        assertThat(days(ok(key), 0)).isEqualTo("400");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String key = workspace("r-bad-many");
        Response r = put(key, "{\"traces\": 0, \"payloads\": \"x\", \"logs\": 1}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("traces", "payloads", "logs");
    }

    @Test
    void malformedEmptyAndOversizeBodies() {
        String key = workspace("r-bad-shape");
        Response malformed = put(key, "{\"traces\": ");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:sextant:problem:malformed-body");
        assertThat(put(key, "").status()).isEqualTo(400);
        Response huge = put(key, "{\"traces\": 30, \"x\": \"" + "a".repeat(1_200_000) + "\"}");
        assertThat(huge.status()).as(huge.toString()).isEqualTo(413);
        assertThat(days(ok(key), 0)).isEqualTo("400");
    }

    @Test
    void onlyAdminsChangeOrRunIt() {
        String admin = workspace("r-scopes");
        String viewer = key(admin, "viewer", "analytics:view");
        String config = key(admin, "config", "config:write", "analytics:view");
        String ingest = key(admin, "ingest", "ingest:write");
        assertThat(server.get("/api/v1/retention", viewer).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/retention", ingest).status()).isEqualTo(403);
        assertThat(server.get("/api/v1/retention", null).status()).isEqualTo(401);
        for (String k : List.of(viewer, config, ingest)) {
            assertThat(put(k, "{\"traces\": 1}").status()).isEqualTo(403);
            assertThat(server.post("/api/v1/retention/run", k, "").status()).isEqualTo(403);
        }
        assertThat(put(null, "{\"traces\": 1}").status()).isEqualTo(401);
        assertThat(server.post("/api/v1/retention/run", null, "").status()).isEqualTo(401);
        assertThat(days(ok(admin), 0)).isEqualTo("400");
        assertThat(ok(admin).get("last_run").isNull()).isTrue();
    }

    @Test
    void aRunRemovesOnlyTheCallersOldDataAndIsShownAfterwards() {
        String mine = workspace("r-run-mine");
        String theirs = workspace("r-run-theirs");
        Instant now = Instant.now();
        for (String key : List.of(mine, theirs)) {
            ingest(key, "old", now.minus(Duration.ofDays(120)), 3);
            ingest(key, "new", now.minus(Duration.ofDays(2)), 2);
        }
        assertThat(put(mine, "{\"traces\": 100}").status()).isEqualTo(200);
        assertThat(put(theirs, "{\"traces\": 100}").status()).isEqualTo(200);

        Response run = server.post("/api/v1/retention/run", mine, "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        JsonNode deleted = run.json().get("deleted");
        assertThat(deleted.get("traces").asLong()).isEqualTo(3);
        assertThat(deleted.get("spans").asLong()).isEqualTo(3);
        assertThat(deleted.get("scores").asLong()).isEqualTo(3);
        assertThat(deleted.get("payloads").asLong()).isZero();
        assertThat(run.json().get("error").isNull()).isTrue();

        assertThat(server.get("/api/v1/interactions/old-0", mine).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/interactions/new-0", mine).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/interactions/old-0", theirs).status()).isEqualTo(200);
        JsonNode shown = ok(mine).get("last_run");
        assertThat(shown.get("deleted").get("traces").asLong()).isEqualTo(3);
        assertThat(Instant.parse(shown.get("started_at").asString())).isBefore(Instant.parse(shown.get("finished_at").asString()).plusNanos(1));
        assertThat(Instant.parse(ok(mine).get("next_run_at").asString()))
                .isEqualTo(Instant.parse(shown.get("started_at").asString()).plus(Duration.ofHours(1)));
        assertThat(ok(theirs).get("last_run").isNull()).isTrue();
        assertThat(server.get("/api/v1/interactions?page_size=10", mine).json().get("items")).hasSize(2);
    }

    @Test
    void payloadRetentionClearsTextsAndKeepsTheNumbers() {
        String key = workspace("r-payloads");
        Instant now = Instant.now();
        ingest(key, "old", now.minus(Duration.ofDays(40)), 1);
        ingest(key, "new", now.minus(Duration.ofDays(1)), 1);
        assertThat(put(key, "{\"payloads\": 30}").status()).isEqualTo(200);

        JsonNode run = server.post("/api/v1/retention/run", key, "").json();
        assertThat(run.get("deleted").get("payloads").asLong()).isEqualTo(2); // the trace and its span
        assertThat(run.get("deleted").get("traces").asLong()).isZero();

        JsonNode old = server.get("/api/v1/interactions/old-0", key).json();
        assertThat(old.get("input").isNull()).isTrue();
        assertThat(old.get("output").isNull()).isTrue();
        assertThat(old.get("cost_usd").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(old.get("spans").get(0).get("input").isNull()).isTrue();
        assertThat(old.get("scores")).hasSize(1);
        JsonNode recent = server.get("/api/v1/interactions/new-0", key).json();
        assertThat(recent.get("input").asString()).isEqualTo("question new-0");
    }

    @Test
    void trainingMetricsRetentionDeletesOnlyOldPointsOfTheCallersRuns() {
        String mine = workspace("r-metrics-mine");
        String theirs = workspace("r-metrics-theirs");
        Instant now = Instant.now();
        for (String key : List.of(mine, theirs)) {
            Response created = server.post("/api/v1/training/runs", key,
                    "{\"id\": \"sft\", \"training_type\": \"fine_tuning\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            List<String> points = new ArrayList<>();
            for (int step = 0; step < 6; step++) {
                Instant at = step < 4 ? now.minus(Duration.ofDays(60)).plusSeconds(step) : now.minusSeconds(60 - step);
                points.add("{\"step\": " + step + ", \"timestamp\": \"" + at + "\", \"metrics\": {\"loss\": "
                        + (1.0 / (step + 1)) + "}}");
            }
            Response logged = server.post("/api/v1/training/runs/sft/metrics", key,
                    "{\"points\": [" + String.join(", ", points) + "]}");
            assertThat(logged.status()).as(logged.toString()).isEqualTo(200);
        }
        Response set = put(mine, "{\"training_metrics\": 30}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(days(set.json(), 3)).isEqualTo("30");
        assertThat(set.json().get("policies").get(3).get("is_default").asBoolean()).isFalse();
        assertThat(put(theirs, "{\"training_metrics\": 30}").status()).isEqualTo(200);

        Response run = server.post("/api/v1/governance/retention/run", mine, "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().get("deleted").get("training_metrics").asLong()).isEqualTo(4);
        assertThat(run.json().get("deleted").get("traces").asLong()).isZero();

        assertThat(steps(mine)).containsExactly(4L, 5L);
        assertThat(steps(theirs)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(ok(mine).get("last_run").get("deleted").get("training_metrics").asLong()).isEqualTo(4);
        assertThat(server.get("/api/v1/training/runs/sft", mine).status()).as("the run stays").isEqualTo(200);
    }

    private static List<Long> steps(String key) {
        Response r = server.get("/api/v1/training/runs/sft/metrics?exact=true&limit=100", key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> steps = new ArrayList<>();
        r.json().get("points").forEach(p -> steps.add(p.get("step").asLong()));
        return steps;
    }

    private static String days(JsonNode retention, int index) {
        return retention.get("policies").get(index).get("days").toString();
    }

    private static JsonNode ok(String key) {
        Response r = server.get("/api/v1/retention", key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static Response put(String key, String json) {
        return server.send(SextantTestServer.authorized(server.request("/api/v1/retention"), key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A new workspace; answers its admin key. */
    private static String workspace(String slug) {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    private static String key(String adminKey, String name, String... scopes) {
        String list = String.join(", ", Stream.of(scopes).map(s -> "\"" + s + "\"").toList());
        Response created = server.post("/api/v1/api-keys", adminKey, "{\"name\": \"" + name + "\", \"scopes\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    /** {@code count} traces "prefix-i" with an input and output, one LLM span costing 0.25 and one score. */
    private static void ingest(String key, String prefix, Instant start, int count) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            Instant at = start.plusSeconds(i);
            items.add("""
                    {"type": "trace", "body": {"id": "%s", "agent_id": "bot", "started_at": "%s", "ended_at": "%s",
                      "input": "question %s", "output": "answer %s"}}""".formatted(id, at, at.plusSeconds(1), id, id));
            items.add("""
                    {"type": "span", "body": {"id": "%s-llm", "trace_id": "%s", "kind": "llm", "name": "generate",
                      "model": "gpt-4o", "cost_usd": "0.25", "started_at": "%s", "ended_at": "%s",
                      "input": "prompt", "output": "completion"}}""".formatted(id, id, at, at.plusMillis(500)));
            items.add("""
                    {"type": "score", "body": {"id": "%s-rating", "trace_id": "%s", "name": "user_rating", "value": 4,
                      "created_at": "%s"}}""".formatted(id, id, at.plusSeconds(2)));
        }
        Response r = server.post("/api/v1/ingest", key, "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
}
