package dev.sextant.server.training;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Training-log imports through the real server on its embedded DuckDB. */
class ITTrainingImports extends ImportScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.training.import-max-bytes=" + LIMIT);

    @Override
    SextantTestServer server() {
        return server;
    }
}
