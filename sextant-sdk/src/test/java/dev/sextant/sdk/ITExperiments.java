package dev.sextant.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.RealServer;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code sextant.experiment(id).variant(unit)} against the real server: the same variant the server assigns. */
class ITExperiments {
    private static RealServer server;
    private static Sextant sextant;

    private static String definition(String id, boolean start) {
        return """
                {"id": "%s", "name": "prompt", "start": %s, "variants": [
                  {"id": "control", "configuration_version": "support-prompt-v1", "allocation": 30},
                  {"id": "short", "configuration_version": "support-prompt-v2", "allocation": 70}]}"""
                .formatted(id, start);
    }

    @BeforeAll
    static void start() {
        server = RealServer.start();
        sextant = Sextant.builder().endpoint(server.base()).apiKey(RealServer.KEY).agentId("exp-bot").build();
        // variants run stored configuration versions: support-prompt-v1 and support-prompt-v2
        assertThat(server.post("/api/v1/configurations", "{\"id\": \"support-prompt\", \"agent_id\": \"exp-bot\","
                + " \"content\": {}}").status()).isEqualTo(201);
        assertThat(server.post("/api/v1/configurations/support-prompt/versions",
                "{\"content\": {\"behaviour\": {\"tone\": \"short\"}}}").status()).isEqualTo(201);
        assertThat(server.post("/api/v1/experiments", definition("sdk-running", true)).status()).isEqualTo(201);
        assertThat(server.post("/api/v1/experiments", definition("sdk-draft", false)).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        sextant.close();
        server.close();
    }

    @Test
    void theSdkAssignsAsTheServerDoes() {
        Experiment experiment = sextant.experiment("sdk-running");
        assertThat(sextant.experiment("sdk-running")).isSameAs(experiment);
        for (int i = 0; i < 200; i++) {
            String unit = "user-" + i;
            ExperimentAssignment a = experiment.variant(unit);
            JsonNode s = server.get("/api/v1/experiments/sdk-running/assignment?unit_id=" + unit);
            assertThat(a.variantId()).as(unit).isEqualTo(s.get("variant_id").asString());
            assertThat(a.configurationVersion()).isEqualTo(s.get("configuration_version").asString());
            assertThat(a.bucket()).isEqualTo(s.get("bucket").asInt());
            assertThat(a.inExperiment()).isTrue();
        }
    }

    @Test
    void aTraceIsStampedWithTheAssignment() {
        ExperimentAssignment a = sextant.experiment("sdk-running").variant("user-stamp");
        Trace t = sextant.trace("answer").id("exp-trace-1").user("user-stamp").experiment(a).start();
        t.end();
        assertThat(sextant.flush(Duration.ofSeconds(10))).isTrue();
        JsonNode trace = server.interaction("exp-trace-1");
        assertThat(trace.toString()).contains("\"experiment_id\":\"sdk-running\"")
                .contains("\"variant_id\":\"" + a.variantId() + "\"")
                .contains("\"config_version\":\"" + a.configurationVersion() + "\"");
    }

    @Test
    void aDraftAnswersTheControlAndAMissingExperimentNobody() {
        ExperimentAssignment draft = sextant.experiment("sdk-draft").variant("user-1");
        assertThat(draft.variantId()).isEqualTo("control");
        assertThat(draft.configurationVersion()).isEqualTo("support-prompt-v1");
        assertThat(draft.inExperiment()).isFalse();
        ExperimentAssignment missing = sextant.experiment("never-defined").variant("user-1");
        assertThat(missing.inExperiment()).isFalse();
        assertThat(missing.variantId()).isNull();
        assertThat(missing.error()).contains("HTTP 404");
    }

    @Test
    void anUnreachableServerNeverThrows() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (Sextant offline = Sextant.builder().endpoint("http://127.0.0.1:" + port).apiKey("sk-none")
                .requestTimeout(Duration.ofSeconds(2)).build()) {
            ExperimentAssignment a = offline.experiment("sdk-running").variant("user-1");
            assertThat(a.inExperiment()).isFalse();
            assertThat(a.variantId()).isNull();
            assertThat(a.error()).startsWith("cannot reach ");
        }
    }
}
