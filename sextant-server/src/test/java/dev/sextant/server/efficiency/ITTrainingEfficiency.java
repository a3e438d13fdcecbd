package dev.sextant.server.efficiency;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Efficiency and transfer effectiveness through the real server on its embedded DuckDB. */
class ITTrainingEfficiency extends EfficiencyScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Override
    SextantTestServer server() {
        return server;
    }
}
