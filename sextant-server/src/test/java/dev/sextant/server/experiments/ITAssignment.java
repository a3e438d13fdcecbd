package dev.sextant.server.experiments;

import static dev.sextant.server.experiments.ExperimentTraffic.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.experiments.Assignment;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import dev.sextant.store.SextantStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Assignment through the real server: the hash of {@link Assignment}, the same after a restart,
 * only while running (or the winner once concluded). Uniformity over a million units is a unit
 * test of {@code Assignment}; here a few hundred units only check the split is roughly right.
 */
class ITAssignment {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    private static final ExperimentTraffic traffic = new ExperimentTraffic(server);

    private static String started(String key, String id) {
        return traffic.created(key, body(id).replace("\"id\": \"" + id + "\",", "\"id\": \"" + id + "\", \"start\": true,"))
                .get("id").asString();
    }

    private static JsonNode assignment(String key, String id, String unit) {
        return traffic.ok("/api/v1/experiments/" + id + "/assignment?unit_id="
                + URLEncoder.encode(unit, StandardCharsets.UTF_8), key);
    }

    @Test
    void assignmentIsTheDocumentedHashAndSurvivesARestart() {
        String key = traffic.workspace("a-hash");
        String id = started(key, "hash-test");
        Map<String, String> first = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        List<String> units = java.util.stream.IntStream.range(0, 400).mapToObj(i -> "user-" + i).toList();
        Assignment expected = new Assignment(List.of(new Assignment.Allocation("control", 50),
                new Assignment.Allocation("short", 50)));
        for (String unit : units) {
            JsonNode a = assignment(key, id, unit);
            assertThat(a.get("experiment_id").asString()).isEqualTo(id);
            assertThat(a.get("unit_id").asString()).isEqualTo(unit);
            assertThat(a.get("variant_id").asString()).isEqualTo(expected.variant(id, unit));
            assertThat(a.get("bucket").asInt()).isEqualTo(Assignment.bucket(id, unit));
            assertThat(a.get("configuration_version").asString())
                    .isEqualTo(a.get("variant_id").asString().equals("control") ? "support-prompt-v1" : "support-prompt-v2");
            assertThat(a.get("assigned_by").asString()).isEqualTo("hash");
            first.put(unit, a.get("variant_id").asString());
            counts.merge(a.get("variant_id").asString(), 1, Integer::sum);
        }
        // 400 units at 50/50: the standard deviation of a count is 10; these bounds are 4 of them
        assertThat(counts.get("control")).isBetween(160, 240);
        assertThat(assignment(key, id, "user-7")).isEqualTo(assignment(key, id, "user-7"));
        String hostile = "ü 🚀 <script>'; DROP TABLE x;--";
        assertThat(assignment(key, id, hostile).get("variant_id").asString()).isEqualTo(expected.variant(id, hostile));

        server.stop();
        server.start();
        for (String unit : units) {
            assertThat(assignment(key, id, unit).get("variant_id").asString()).as(unit).isEqualTo(first.get(unit));
        }
    }

    @Test
    void onlyARunningExperimentAssignsAndAWinnerTakesEverybodyAfterwards() {
        String key = traffic.workspace("a-life");
        String draft = traffic.created(key, body("draft")).get("id").asString();
        Response r = server.get("/api/v1/experiments/" + draft + "/assignment?unit_id=u1", key);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).isEqualTo(
                "experiment 'draft' is draft and assigns no units; start it first (POST /api/v1/experiments/draft/start)");
        String id = started(key, "to-stop");
        assertThat(server.post("/api/v1/experiments/" + id + "/stop", key, "").status()).isEqualTo(200);
        Response stopped = server.get("/api/v1/experiments/" + id + "/assignment?unit_id=u1", key);
        assertThat(stopped.status()).isEqualTo(409);
        assertThat(stopped.json().get("detail").asString())
                .isEqualTo("experiment 'to-stop' is stopped and assigns no units (it has no winner); serve the control");

        WorkspaceId ws = new WorkspaceId(traffic.ok("/api/v1/workspace", key).get("id").asString());
        String won = started(key, "won");
        server.bean(SextantStore.class).experiments().conclude(ws, won, "short", "short wins", Instant.now());
        for (String unit : List.of("u1", "u2", "u3", "u4", "u5", "u6")) {
            JsonNode a = assignment(key, won, unit);
            assertThat(a.get("variant_id").asString()).isEqualTo("short");
            assertThat(a.get("configuration_version").asString()).isEqualTo("support-prompt-v2");
            assertThat(a.get("assigned_by").asString()).isEqualTo("winner");
            assertThat(a.get("status").asString()).isEqualTo("concluded");
        }
    }

    @Test
    void unitIdsAreChecked() {
        String key = traffic.workspace("a-units");
        String id = started(key, "units");
        for (String query : List.of("", "?unit_id=", "?unit_id=a&unit_id=b", "?unit_id=" + "u".repeat(257),
                "?unit_id=a%00b", "?unit=a")) {
            Response r = server.get("/api/v1/experiments/" + id + "/assignment" + query, key);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        Response missing = server.get("/api/v1/experiments/" + id + "/assignment", key);
        assertThat(missing.json().get("errors").get(0).get("message").asString())
                .isEqualTo("unit_id is required: the id of the unit to assign (1 to 256 characters)");
        assertThat(server.get("/api/v1/experiments/" + id + "/assignment?unit_id=" + "u".repeat(256), key).status())
                .isEqualTo(200);
        assertThat(server.get("/api/v1/experiments/nope/assignment?unit_id=u", key).status()).isEqualTo(404);
    }
}
