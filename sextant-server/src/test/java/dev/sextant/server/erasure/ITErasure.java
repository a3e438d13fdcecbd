package dev.sextant.server.erasure;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Erasure through the real server on embedded DuckDB (small batches, so every erasure takes several). */
class ITErasure extends ErasureScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.erasure.batch-size=3");

    @Override
    SextantTestServer server() {
        return server;
    }

    @Test
    void erasingOneUserLeavesEveryoneElse() {
        erasingOneUserLeavesEveryoneElse("er-duck");
    }

    @Test
    void theHashedFormIsErasedToo() {
        theHashedFormIsErasedToo("er-duck");
    }

    @Test
    void ingestionDuringAnErasureIsNotLost() throws Exception {
        ingestionDuringAnErasureIsNotLost("er-duck");
    }

    @Test
    void scopesAndHostileInput() {
        scopesAndHostileInput("er-duck");
    }

    @Test
    void learningApplicationsOfErasedTracesGo() {
        learningApplicationsOfErasedTracesGo("er-duck");
    }
}
