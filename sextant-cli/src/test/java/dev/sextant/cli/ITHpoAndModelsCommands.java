package dev.sextant.cli;

import dev.sextant.testing.RealServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The hpo and models commands against a real server on the embedded DuckDB store. */
class ITHpoAndModelsCommands extends HpoAndModelsCommandScenarios {
    @BeforeAll
    static void startOnDuckDb() {
        seed(RealServer.start());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
