package dev.sextant.server.hpo;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HPO API through the real server on its embedded DuckDB. */
class ITHpoStudies extends HpoStudyScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Override
    SextantTestServer server() {
        return server;
    }
}
