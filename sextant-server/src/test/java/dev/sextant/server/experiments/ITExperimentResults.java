package dev.sextant.server.experiments;

import static dev.sextant.server.experiments.ExperimentData.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Results, {@code auto_conclude} and a person's conclusion through the real server, on data with
 * a known answer: a planted effect (B succeeds 80% against 50%), an A/A split, and a sample ratio
 * mismatch (400 against 250 units at 50/50). The job is driven by calling its round directly.
 */
class ITExperimentResults {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    private static final ExperimentTraffic traffic = new ExperimentTraffic(server);
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(5));
    private static String key;

    @BeforeAll
    static void data() {
        key = traffic.workspace("r-results");
        ExperimentData data = new ExperimentData(server);
        traffic.created(key, running("planted", START, false));
        data.units(key, "planted", "a", 400, 0.5, START, 4);
        data.units(key, "planted", "b", 400, 0.8, START, 4);
        traffic.created(key, running("same", START, false));
        data.units(key, "same", "a", 400, 0.5, START, 4);
        data.units(key, "same", "b", 400, 0.5, START, 4);
        traffic.created(key, running("skewed", START, true));
        data.units(key, "skewed", "a", 400, 0.5, START, 4);
        data.units(key, "skewed", "b", 250, 0.8, START, 4);
    }

    private static JsonNode results(String id) {
        return traffic.ok("/api/v1/experiments/" + id + "/results", key);
    }

    @Test
    void aPlantedEffectIsAWinnerWithExactCountsPerVariant() {
        JsonNode r = results("planted");
        assertThat(r.get("experiment_id").asString()).isEqualTo("planted");
        assertThat(r.get("start").asString()).isEqualTo(START.toString());
        assertThat(r.get("days").asInt()).isEqualTo(6); // five whole UTC days and today so far
        assertThat(r.get("control_id").asString()).isEqualTo("a");
        assertThat(r.get("minimum_sample_per_variant").asLong()).isEqualTo(300);
        // an absolute effect of 0.05 on a baseline of 0.5: 10% of the control's value
        assertThat(r.get("minimum_detectable_effect").asDouble()).isEqualTo(0.1);
        JsonNode a = r.get("variants").get(0);
        JsonNode b = r.get("variants").get(1);
        assertThat(a.get("variant_id").asString()).isEqualTo("a");
        assertThat(a.get("units").asLong()).isEqualTo(400);
        assertThat(a.get("traces").asLong()).isEqualTo(400);
        assertThat(a.get("success_rate").asDouble()).isEqualTo(0.5);
        assertThat(b.get("units").asLong()).isEqualTo(400);
        assertThat(b.get("success_rate").asDouble()).isEqualTo(0.8);
        assertThat(b.get("satisfaction").asDouble()).isEqualTo(4.0);
        assertThat(r.get("comparisons").get(0).get("metric").asString()).isEqualTo("success_rate");
        assertThat(r.get("comparisons")).extracting(c -> c.get("metric").asString())
                .containsExactly("success_rate", "cost_per_unit", "response_time", "handoff_rate");
        assertThat(r.get("sample_ratio").get("mismatch").asBoolean()).isFalse();
        assertThat(r.get("verdict").get("kind").asString()).as(r.get("verdict").toString()).isEqualTo("winner");
        assertThat(r.get("verdict").get("winner").asString()).isEqualTo("b");
        assertThat(r.get("verdict").get("recommendation").asString()).startsWith("Roll out b: success rate 0.8000");
    }

    @Test
    void anAaSplitIsNoWinnerAndAMismatchedSplitIsInvalid() {
        JsonNode same = results("same");
        assertThat(same.get("variants")).extracting(v -> v.get("units").asLong()).containsExactly(400L, 400L);
        assertThat(same.get("verdict").get("kind").asString()).isIn("keep_running", "no_difference");
        assertThat(same.get("verdict").get("winner").isNull()).isTrue();
        JsonNode skewed = results("skewed");
        assertThat(skewed.get("variants")).extracting(v -> v.get("units").asLong()).containsExactly(400L, 250L);
        assertThat(skewed.get("sample_ratio").get("mismatch").asBoolean()).isTrue();
        assertThat(skewed.get("verdict").get("kind").asString()).isEqualTo("invalid");
    }

    @Test
    void autoConcludeConcludesTheWinnerOnlyAndAssignmentThenAnswersIt() {
        String ws = traffic.workspace("r-auto");
        ExperimentData data = new ExperimentData(server);
        traffic.created(ws, running("auto-planted", START, true));
        data.units(ws, "auto-planted", "a", 400, 0.5, START, 4);
        data.units(ws, "auto-planted", "b", 400, 0.8, START, 4);
        traffic.created(ws, running("auto-skewed", START, true));
        data.units(ws, "auto-skewed", "a", 400, 0.5, START, 4);
        data.units(ws, "auto-skewed", "b", 250, 0.8, START, 4);
        traffic.created(ws, running("manual-planted", START, false));
        data.units(ws, "manual-planted", "a", 400, 0.5, START, 4);
        data.units(ws, "manual-planted", "b", 400, 0.8, START, 4);
        String recommendation = traffic.ok("/api/v1/experiments/auto-planted/results", ws).get("verdict")
                .get("recommendation").asString();

        server.bean(AutoConcluder.class).round();

        JsonNode concluded = traffic.ok("/api/v1/experiments/auto-planted", ws);
        assertThat(concluded.get("status").asString()).isEqualTo("concluded");
        assertThat(concluded.get("winner").asString()).isEqualTo("b");
        assertThat(concluded.get("conclusion").asString()).isEqualTo(recommendation);
        assertThat(concluded.get("concluded_at").isNull()).isFalse();
        for (String unit : List.of("u1", "u2", "u3", "u4", "u5")) {
            JsonNode a = traffic.ok("/api/v1/experiments/auto-planted/assignment?unit_id=" + unit, ws);
            assertThat(a.get("variant_id").asString()).isEqualTo("b");
            assertThat(a.get("assigned_by").asString()).isEqualTo("winner");
        }
        JsonNode after = traffic.ok("/api/v1/experiments/auto-planted/results", ws);
        assertThat(after.get("until").asString()).isEqualTo(concluded.get("concluded_at").asString());
        assertThat(after.get("verdict").get("winner").asString()).isEqualTo("b");
        assertThat(traffic.ok("/api/v1/experiments/auto-skewed", ws).get("status").asString()).isEqualTo("running");
        assertThat(traffic.ok("/api/v1/experiments/auto-skewed/results", ws).get("verdict").get("kind").asString())
                .isEqualTo("invalid");
        assertThat(traffic.ok("/api/v1/experiments/manual-planted", ws).get("status").asString()).isEqualTo("running");
        assertThat(server.bean(AutoConcluder.class).round()).isZero();
    }

    @Test
    void aPersonConcludesWithAWinnerOrNoneAndANote() {
        String ws = traffic.workspace("r-person");
        traffic.created(ws, running("by-verdict", START, false));
        traffic.created(ws, running("overridden", START, false));
        traffic.created(ws, running("no-winner", START, false));
        Response byVerdict = server.post("/api/v1/experiments/by-verdict/conclude", ws, "");
        assertThat(byVerdict.status()).as(byVerdict.toString()).isEqualTo(200);
        assertThat(byVerdict.json().get("status").asString()).isEqualTo("concluded");
        assertThat(byVerdict.json().get("winner").isNull()).isTrue(); // no data: keep_running has no winner
        assertThat(byVerdict.json().get("conclusion").asString()).startsWith("Keep running");

        Response overridden = server.post("/api/v1/experiments/overridden/conclude", ws,
                "{\"winner\": \"b\", \"note\": \"shipping b for the launch\"}");
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(200);
        assertThat(overridden.json().get("winner").asString()).isEqualTo("b");
        assertThat(overridden.json().get("conclusion").asString())
                .startsWith("shipping b for the launch (results at the conclusion: ");

        server.post("/api/v1/experiments/no-winner/stop", ws, "");
        Response none = server.post("/api/v1/experiments/no-winner/conclude", ws, "{\"winner\": null}");
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        assertThat(none.json().get("winner").isNull()).isTrue();
        assertThat(none.json().get("concluded_at").isNull()).isFalse();

        Response again = server.post("/api/v1/experiments/overridden/conclude", ws, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString())
                .isEqualTo("experiment 'overridden' is concluded; only a running or stopped experiment can be concluded");
    }

    @Test
    void badConclusionsAre400NamingTheFieldAndChangeNothing() {
        String ws = traffic.workspace("r-bad");
        traffic.created(ws, running("kept", START, false));
        for (String[] c : List.of(
                new String[] {"{\"winner\": \"z\"}", "winner",
                        "winner must be one of the experiment's variants (a, b) or null for no difference, was 'z'"},
                new String[] {"{\"winner\": 1}", "winner",
                        "winner must be one of the experiment's variants (a, b) or null for no difference, was number"},
                new String[] {"{\"note\": 5}", "note", "note must be a string, was number"},
                new String[] {"{\"note\": \"" + "n".repeat(4001) + "\"}", "note",
                        "note is 4001 characters, over the limit of 4000"},
                new String[] {"{\"note\": \"a\\u0000b\"}", "note",
                        "note contains a NUL character (\\u0000), which PostgreSQL cannot store; remove it"},
                new String[] {"{\"<script>\": 1}", "<script>", "unknown field '<script>'; a conclusion has winner and note"},
                new String[] {"[1]", "body", "the body must be a JSON object such as {\"winner\": \"short\", \"note\": \"...\"},"
                        + " was array"})) {
            Response r = server.post("/api/v1/experiments/kept/conclude", ws, c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(c[1]);
            assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo(c[2]);
        }
        assertThat(server.post("/api/v1/experiments/kept/conclude", ws, "{\"winner\": ").status()).isEqualTo(400);
        assertThat(traffic.ok("/api/v1/experiments/kept", ws).get("status").asString()).isEqualTo("running");
    }

    @Test
    void draftsHaveNoResultsAndIdsParametersScopesAndWorkspacesAreChecked() {
        traffic.created(key, ExperimentTraffic.body("a-draft"));
        Response draft = server.get("/api/v1/experiments/a-draft/results", key);
        assertThat(draft.status()).isEqualTo(409);
        assertThat(draft.json().get("detail").asString()).isEqualTo(
                "experiment 'a-draft' is draft and has no results; start it first (POST /api/v1/experiments/a-draft/start)");
        assertThat(server.post("/api/v1/experiments/a-draft/conclude", key, "").status()).isEqualTo(409);

        Response unknown = server.get("/api/v1/experiments/planted/results?until=2026-01-01", key);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("parameter").asString()).isEqualTo("until");
        for (String id : List.of("never-made", "%3Cscript%3E", "x".repeat(300), "a%00b", "..%2F..%2Fetc")) {
            Response r = server.get("/api/v1/experiments/" + id + "/results", key);
            assertThat(r.status()).as(id).isIn(400, 404);
            assertThat(server.post("/api/v1/experiments/" + id + "/conclude", key, "").status()).as(id).isIn(400, 404);
        }
        assertThat(server.get("/api/v1/experiments/never-made/results", key).json().get("detail").asString())
                .isEqualTo("experiment 'never-made' does not exist in this workspace");

        String other = traffic.workspace("r-other");
        Response theirs = server.get("/api/v1/experiments/planted/results", other);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.json().get("detail").asString()).isEqualTo("experiment 'planted' does not exist in this workspace");
        assertThat(server.post("/api/v1/experiments/planted/conclude", other, "").status()).isEqualTo(404);

        String viewer = traffic.key(key, "viewer", "analytics:view");
        String ingest = traffic.key(key, "ingest", "ingest:write");
        assertThat(server.get("/api/v1/experiments/planted/results", viewer).status()).isEqualTo(200);
        Response noView = server.get("/api/v1/experiments/planted/results", ingest);
        assertThat(noView.status()).isEqualTo(403);
        assertThat(noView.json().get("required_scope").asString()).isEqualTo("analytics:view");
        Response noWrite = server.post("/api/v1/experiments/planted/conclude", viewer, "");
        assertThat(noWrite.status()).isEqualTo(403);
        assertThat(noWrite.json().get("required_scope").asString()).isEqualTo("config:write");
        assertThat(server.send(server.request("/api/v1/experiments/planted/results").GET().build()).status())
                .isEqualTo(401);
        assertThat(traffic.ok("/api/v1/experiments/planted", key).get("status").asString()).isEqualTo("running");
    }
}
