package dev.sextant.cli;

import dev.sextant.testing.RealServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The training commands against a real server on the embedded DuckDB store. */
class ITTrainingCommands extends TrainingCommandScenarios {
    @BeforeAll
    static void startOnDuckDb() {
        seed(RealServer.start());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
