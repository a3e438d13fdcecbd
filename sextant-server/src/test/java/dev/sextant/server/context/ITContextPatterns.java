package dev.sextant.server.context;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Context patterns through the real server on embedded DuckDB. */
class ITContextPatterns extends PatternsScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Override
    SextantTestServer server() {
        return server;
    }

    @Test
    void findsThePlantedPattern() {
        findsThePlantedPattern("pat-duck");
    }

    @Test
    void tenantIsolation() {
        tenantIsolation("pat-duck");
    }

    @Test
    void badParametersAndScopes() {
        badParametersAndScopes("pat-duck");
    }
}
