package dev.sextant.server.learnings;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Learnings through the real server on embedded DuckDB. */
class ITLearnings extends LearningsScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Override
    SextantTestServer server() {
        return server;
    }

    @Test
    void lifecycle() {
        lifecycle("ln-duck");
    }

    @Test
    void recommendations() {
        recommendations("ln-duck");
    }

    @Test
    void badInputAndScopes() {
        badInputAndScopes("ln-duck");
    }

    @Test
    void baselineWindow() {
        baselineWindow("ln-duck");
    }
}
