package dev.sextant.server.context;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Context awareness through the real server on embedded DuckDB. */
class ITContext extends ContextScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Override
    SextantTestServer server() {
        return server;
    }

    @Test
    void plantedContextShowsInTheAnalytics() {
        plantedContextShowsInTheAnalytics("cx-duck");
    }

    @Test
    void exportPagesThroughEverything() {
        exportPagesThroughEverything("cx-duck");
    }

    @Test
    void hostileContextIsRefusedPerRecord() {
        hostileContextIsRefusedPerRecord("cx-duck");
    }

    @Test
    void parametersScopesAndTenants() {
        parametersScopesAndTenants("cx-duck");
    }
}
