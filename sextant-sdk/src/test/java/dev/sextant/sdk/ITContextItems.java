package dev.sextant.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.RealServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Typed context items recorded with the SDK, read back through the real server's interaction detail. */
class ITContextItems {
    private static RealServer server;
    private static Sextant sextant;

    @BeforeAll
    static void start() {
        server = RealServer.start();
        sextant = Sextant.builder().endpoint(server.base()).apiKey(RealServer.KEY).agentId("coding-assistant")
                .flushInterval(Duration.ofMillis(50)).build();
    }

    @AfterAll
    static void stop() {
        sextant.close();
        server.close();
    }

    @Test
    void traceAndSessionContextArriveAsTypedItems() {
        Session session = sextant.session("sess-context").user("dev-1").context("git_branch", "feature/login")
                .context("dirty_files", 3).context("task_type", "bugfix").open();
        Trace trace = session.trace("fix").id("trace-context").context("files_open", List.of("Login.java", "Auth.java"))
                .context("task_type", "refactor").context("tests_green", true).context("history_length", 12)
                .start();
        trace.end();
        session.close();
        assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();

        JsonNode context = server.fetch("/api/v1/interactions/trace-context").body().get("context");
        assertThat(context.toString()).isEqualTo("{\"dirty_files\":3.0,\"files_open\":[\"Auth.java\",\"Login.java\"],"
                + "\"git_branch\":\"feature/login\",\"history_length\":12.0,\"task_type\":\"refactor\",\"tests_green\":\"true\"}");
    }
}
