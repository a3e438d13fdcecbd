package dev.sextant.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.testing.RealServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code sextant.learnings()} against the real server: a learning created, applied through the
 * API and through a learning span inside a trace, and the server's figures counting both; without
 * a server nothing throws.
 */
class ITLearningsSdk {
    private static RealServer server;
    private static Sextant sextant;

    @BeforeAll
    static void start() {
        server = RealServer.start();
        sextant = Sextant.builder().endpoint(server.base()).apiKey(RealServer.KEY).agentId("sdk-coder").build();
    }

    @AfterAll
    static void stop() {
        sextant.close();
        server.close();
    }

    @Test
    void aLearningIsCreatedAppliedBothWaysAndCounted() {
        LearningResult created = sextant.learnings().learning("Run the tests before committing").id("run-tests")
                .agent("sdk-coder").pattern(Map.of("items", List.of("step=test"), "outcome", "success"))
                .evidence(0.3, 0.9, 1.2, 30L, "manual").initialConfidence(0.9).create();
        assertThat(created.ok()).as(created.error()).isTrue();
        assertThat(created.id()).isEqualTo("run-tests");
        LearningResult generated = sextant.learnings().create("Keep diffs small", Map.of("items", List.of("diff<50")));
        assertThat(generated.id()).startsWith("lrn_");

        Trace marked = sextant.trace("fix bug").id("sdk-t1").start();
        sextant.learnings().applied(marked, "run-tests");
        marked.end();
        Trace failed = sextant.trace("fix other bug").id("sdk-t2").start();
        failed.endWithError("tests red");
        assertThat(sextant.flush(Duration.ofSeconds(10))).isTrue();
        LearningResult applied = sextant.learnings().apply("run-tests", "sdk-t2");
        assertThat(applied.ok()).as(applied.error()).isTrue();
        assertThat(applied.id()).isEqualTo("sdk-t2");
        assertThat(applied.outcome()).isEqualTo("failure");
        assertThat(sextant.learnings().apply("run-tests", "sdk-t3", true).outcome()).isEqualTo("success");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode read = server.fetch("/api/v1/learnings/run-tests").body();
            JsonNode apps = read.get("applications");
            assertThat(apps.get("total").asLong()).isEqualTo(3);
            assertThat(apps.get("successes").asLong()).isEqualTo(2);
            assertThat(apps.get("failures").asLong()).isEqualTo(1);
        });
        JsonNode list = server.fetch("/api/v1/learnings/run-tests/applications").body().get("applications");
        assertThat(list.toString()).contains("\"source\":\"span\"").contains("\"source\":\"api\"");
    }

    @Test
    void refusalsAndAnAbsentServerAreResultsNotExceptions() {
        LearningResult unknown = sextant.learnings().apply("no-such-learning", "t");
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.error()).contains("HTTP 404");
        assertThat(sextant.learnings().learning(" ").create().error()).contains("needs a statement");
        assertThat(sextant.learnings().apply(null, "t").ok()).isFalse();
        try (Sextant nobody = Sextant.builder().endpoint(URI.create("http://127.0.0.1:9")).apiKey(RealServer.KEY)
                .requestTimeout(Duration.ofSeconds(2)).build()) {
            LearningResult r = nobody.learnings().create("s", Map.of());
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).contains("cannot reach");
            assertThat(nobody.learnings().apply("l", "t", false).error()).contains("cannot reach");
        }
    }
}
