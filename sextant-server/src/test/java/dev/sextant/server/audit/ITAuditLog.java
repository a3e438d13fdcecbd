package dev.sextant.server.audit;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit log scenarios on the embedded DuckDB store. */
class ITAuditLog extends AuditLogScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Override
    SextantTestServer server() {
        return server;
    }
}
