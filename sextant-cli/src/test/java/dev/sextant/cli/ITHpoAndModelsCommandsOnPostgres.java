package dev.sextant.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The same hpo and models commands against a real server on PostgreSQL (the hiding static methods replace the DuckDB ones). */
class ITHpoAndModelsCommandsOnPostgres extends ITHpoAndModelsCommands {
    private static final PostgresSchema SCHEMA = new PostgresSchema();

    @BeforeAll
    static void startServer() {
        seed(SCHEMA.start());
    }

    @AfterAll
    static void stopServer() {
        server.close();
        SCHEMA.drop();
    }
}
