package dev.sextant.server.datasets;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Datasets through the real server on the embedded DuckDB. */
class ITDatasets extends DatasetScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.datasets.max-upload-bytes=" + LIMIT);

    @Override
    SextantTestServer server() {
        return server;
    }

    @Override
    String prefix() {
        return "ds";
    }
}
