package dev.sextant.server.training;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Training runs through the real server on its embedded DuckDB. */
class ITTrainingRuns extends TrainingRunScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Override
    SextantTestServer server() {
        return server;
    }
}
