package dev.sextant.server.mlflow;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MLflow input scenarios on the embedded DuckDB store. */
class ITMlflowInput extends MlflowInputScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Override
    SextantTestServer server() {
        return server;
    }
}
