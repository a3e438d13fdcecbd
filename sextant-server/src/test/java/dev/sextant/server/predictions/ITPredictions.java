package dev.sextant.server.predictions;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Predictions through the real server on embedded DuckDB. */
class ITPredictions extends PredictionScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Override
    SextantTestServer server() {
        return server;
    }

    @Test
    void trainPredictAndIsolate() {
        trainPredictAndIsolate("pr-duck");
    }

    @Test
    void scopesAndHostileInput() {
        scopesAndHostileInput("pr-duck");
    }

    @Test
    void anErasureWithdrawsTheModels() {
        anErasureWithdrawsTheModels("pr-duck");
    }
}
