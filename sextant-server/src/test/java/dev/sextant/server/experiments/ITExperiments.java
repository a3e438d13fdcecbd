package dev.sextant.server.experiments;

import static dev.sextant.server.experiments.ExperimentTraffic.body;
import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Experiment definitions and their lifecycle through the real server. */
class ITExperiments {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    private static final ExperimentTraffic traffic = new ExperimentTraffic(server);

    @Test
    void anExperimentIsCreatedListedReadEditedStartedAndStopped() {
        String key = traffic.workspace("x-life");
        JsonNode e = traffic.created(key, body("prompt-test"));
        assertThat(e.get("id").asString()).isEqualTo("prompt-test");
        assertThat(e.get("status").asString()).isEqualTo("draft");
        assertThat(e.get("unit").asString()).isEqualTo("user_id");
        assertThat(e.get("variants").get(0).get("control").asBoolean()).isTrue();
        assertThat(e.get("variants").get(1).get("control").asBoolean()).isFalse();
        assertThat(e.get("variants").get(1).get("configuration_version").asString()).isEqualTo("support-prompt-v2");
        assertThat(e.get("guardrails").toString()).isEqualTo("[\"cost_per_unit\",\"response_time\",\"handoff_rate\"]");
        assertThat(e.get("alpha").asDouble()).isEqualTo(0.05);
        assertThat(e.get("power").asDouble()).isEqualTo(0.8);
        assertThat(e.get("correction").asString()).isEqualTo("holm");
        assertThat(e.get("auto_conclude").asBoolean()).isFalse();
        assertThat(e.get("starts_at").asString()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(e.get("winner").isNull()).isTrue();
        // baseline 0.1 and an absolute effect 0.02 at alpha 0.05, power 0.8: 3841 per variant (R power.prop.test)
        assertThat(e.get("required_sample_size").get("per_variant").asLong()).isEqualTo(3841);
        assertThat(e.get("required_sample_size").get("total").asLong()).isEqualTo(7682);
        assertThat(traffic.ok("/api/v1/experiments/prompt-test?baseline=0.5", key).get("required_sample_size")
                .get("baseline").asDouble()).isEqualTo(0.5);

        JsonNode generated = traffic.created(key, body("x").replace("\"id\": \"x\", ", "").replace("support-bot", "coder"));
        assertThat(generated.get("id").asString()).startsWith("exp_");
        assertThat(traffic.ok("/api/v1/experiments", key).get("experiments").size()).isEqualTo(2);
        assertThat(traffic.ok("/api/v1/experiments?agent_id=coder", key).get("experiments").get(0).get("id").asString())
                .isEqualTo(generated.get("id").asString());
        assertThat(traffic.ok("/api/v1/experiments?status=running", key).get("experiments").size()).isZero();

        Response edited = traffic.put("/api/v1/experiments/prompt-test", key, body("prompt-test")
                .replace("\"allocation\": 50}", "\"allocation\": 30}").replaceFirst("\"allocation\": 30}", "\"allocation\": 70}")
                .replace("Shorter prompt", "Renamed"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("name").asString()).isEqualTo("Renamed");
        assertThat(edited.json().get("variants").get(0).get("allocation").asInt()).isEqualTo(70);

        Response started = server.post("/api/v1/experiments/prompt-test/start", key, "");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().get("status").asString()).isEqualTo("running");
        assertThat(started.json().get("started_at").isNull()).isFalse();
        assertThat(traffic.ok("/api/v1/experiments?status=running", key).get("experiments").size()).isEqualTo(1);
        Response again = server.post("/api/v1/experiments/prompt-test/start", key, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("experiment 'prompt-test' is running; only a draft can be started");

        Response stopped = server.post("/api/v1/experiments/prompt-test/stop", key, "");
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().get("status").asString()).isEqualTo("stopped");
        assertThat(server.post("/api/v1/experiments/prompt-test/stop", key, "").status()).isEqualTo(409);
        assertThat(server.post("/api/v1/experiments/prompt-test/start", key, "").status()).isEqualTo(409);

        assertThat(server.delete("/api/v1/experiments/" + generated.get("id").asString(), key).status()).isEqualTo(204);
        assertThat(server.get("/api/v1/experiments/" + generated.get("id").asString(), key).status()).isEqualTo(404);
    }

    @Test
    void anEditAfterTheStartIs409AndChangesNothing() {
        String key = traffic.workspace("x-edit");
        traffic.created(key, body("running").replace("\"id\": \"running\",", "\"id\": \"running\", \"start\": true,"));
        JsonNode before = traffic.ok("/api/v1/experiments/running", key);
        assertThat(before.get("status").asString()).isEqualTo("running");
        Response edit = traffic.put("/api/v1/experiments/running", key, body("running").replace("Shorter prompt", "Changed"));
        assertThat(edit.status()).as(edit.toString()).isEqualTo(409);
        assertThat(edit.contentType()).startsWith("application/problem+json");
        assertThat(edit.json().get("detail").asString()).isEqualTo("experiment 'running' is running; only a draft can be"
                + " edited, since units may already have been assigned to its variants (create a new experiment instead)");
        Response delete = server.delete("/api/v1/experiments/running", key);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(traffic.ok("/api/v1/experiments/running", key)).isEqualTo(before);
        Response stopDraft = server.post("/api/v1/experiments/" + traffic.created(key, body("draft")).get("id").asString()
                + "/stop", key, "");
        assertThat(stopDraft.status()).isEqualTo(409);
        assertThat(stopDraft.json().get("detail").asString())
                .isEqualTo("experiment 'draft' is draft; only a running experiment can be stopped (delete a draft instead)");
        Response taken = server.post("/api/v1/experiments", key, body("draft"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asString()).isEqualTo("experiment 'draft' already exists in this workspace");
    }

    @Test
    void keysNeedTheirScopes() {
        String admin = traffic.workspace("x-scopes");
        String viewer = traffic.key(admin, "viewer", "analytics:view");
        String config = traffic.key(admin, "config", "config:write");
        String ingest = traffic.key(admin, "ingest", "ingest:write");
        assertThat(server.post("/api/v1/experiments", config, body("scoped").replace("\"id\": \"scoped\",",
                "\"id\": \"scoped\", \"start\": true,")).status()).isEqualTo(201);
        Response viewerPost = server.post("/api/v1/experiments", viewer, body("nope"));
        assertThat(viewerPost.status()).isEqualTo(403);
        assertThat(viewerPost.json().get("required_scope").asString()).isEqualTo("config:write");
        assertThat(traffic.put("/api/v1/experiments/scoped", viewer, body("scoped")).status()).isEqualTo(403);
        assertThat(server.post("/api/v1/experiments/scoped/stop", viewer, "").status()).isEqualTo(403);
        assertThat(server.post("/api/v1/experiments/scoped/start", viewer, "").status()).isEqualTo(403);
        assertThat(server.delete("/api/v1/experiments/scoped", viewer).status()).isEqualTo(403);
        for (String path : List.of("/api/v1/experiments", "/api/v1/experiments/scoped",
                "/api/v1/experiments/scoped/assignment?unit_id=u1", "/api/v1/experiments/power?baseline=0.1&mde=0.02")) {
            assertThat(server.get(path, viewer).status()).as(path).isEqualTo(200);
            Response r = server.get(path, ingest);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.json().get("required_scope").asString()).isEqualTo("analytics:view");
            assertThat(server.send(server.request(path).GET().build()).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void anotherWorkspaceNeverSeesOrChangesThisOne() {
        String mine = traffic.workspace("x-mine");
        String other = traffic.workspace("x-other");
        traffic.created(mine, body("mine"));
        traffic.created(mine, body("mine-running").replace("\"id\": \"mine-running\",", "\"id\": \"mine-running\", \"start\": true,"));
        Response missing = server.get("/api/v1/experiments/never-made", other);
        for (String id : List.of("mine", "mine-running")) {
            Response r = server.get("/api/v1/experiments/" + id, other);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("detail").asString()).isEqualTo("experiment '" + id + "' does not exist in this workspace");
            assertThat(server.get("/api/v1/experiments/" + id + "/assignment?unit_id=u", other).status()).isEqualTo(404);
            assertThat(traffic.put("/api/v1/experiments/" + id, other, body(id)).status()).isEqualTo(404);
            assertThat(server.post("/api/v1/experiments/" + id + "/start", other, "").status()).isEqualTo(404);
            assertThat(server.post("/api/v1/experiments/" + id + "/stop", other, "").status()).isEqualTo(404);
            assertThat(server.delete("/api/v1/experiments/" + id, other).status()).isEqualTo(404);
        }
        assertThat(missing.status()).isEqualTo(404);
        assertThat(traffic.ok("/api/v1/experiments", other).get("experiments").size()).isZero();
        assertThat(traffic.created(other, body("mine")).get("id").asString()).isEqualTo("mine");
        assertThat(traffic.ok("/api/v1/experiments/mine", mine).get("status").asString()).isEqualTo("draft");
    }

    @Test
    void aReadCarriesAnETagThatRevalidatesUntilTheExperimentChanges() {
        String key = traffic.workspace("x-etag");
        traffic.created(key, body("tagged"));
        Response first = server.get("/api/v1/experiments/tagged", key);
        String etag = first.header("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{24}\"");
        Response same = server.send(SextantTestServer.authorized(server.request("/api/v1/experiments/tagged"), key)
                .header("If-None-Match", etag).GET().build());
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(server.post("/api/v1/experiments/tagged/start", key, "").status()).isEqualTo(200);
        Response changed = server.send(SextantTestServer.authorized(server.request("/api/v1/experiments/tagged"), key)
                .header("If-None-Match", etag).GET().build());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(changed.json().get("status").asString()).isEqualTo("running");
        Response other = server.send(SextantTestServer.authorized(server.request("/api/v1/experiments/tagged"),
                traffic.workspace("x-etag-other")).header("If-None-Match", "*").GET().build());
        assertThat(other.status()).isEqualTo(404);
    }
}
