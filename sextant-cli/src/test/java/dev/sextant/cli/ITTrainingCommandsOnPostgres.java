package dev.sextant.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The training commands against a real server on PostgreSQL (a schema of its own, dropped at the end). */
class ITTrainingCommandsOnPostgres extends TrainingCommandScenarios {
    private static final PostgresSchema SCHEMA = new PostgresSchema();

    @BeforeAll
    static void startOnPostgres() {
        seed(SCHEMA.start());
    }

    @AfterAll
    static void stopServer() {
        server.close();
        SCHEMA.drop();
    }
}
