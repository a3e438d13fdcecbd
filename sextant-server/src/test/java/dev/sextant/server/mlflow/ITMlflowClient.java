package dev.sextant.server.mlflow;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MLflow client scenarios on the embedded DuckDB store. */
class ITMlflowClient extends MlflowClientScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Override
    SextantTestServer server() {
        return server;
    }
}
