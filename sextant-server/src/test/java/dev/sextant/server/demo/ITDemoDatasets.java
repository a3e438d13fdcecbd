package dev.sextant.server.demo;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo's datasets on DuckDB. */
class ITDemoDatasets extends DemoDatasetScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.demo=true");

    @Override
    SextantTestServer server() {
        return server;
    }
}
