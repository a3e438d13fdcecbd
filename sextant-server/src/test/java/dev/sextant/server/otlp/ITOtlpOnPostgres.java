package dev.sextant.server.otlp;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;

import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenTelemetry SDK's export read back from a server on PostgreSQL (fresh schema, dropped afterwards). */
class ITOtlpOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_otlp_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void protobufExportFromTheSdkIsReadBackOnPostgres() {
        try (OtelClient client = OtelClient.protobuf(server.uri("/v1/traces").toString(), ADMIN_KEY, true)) {
            String traceId = ITOtlpTraces.agentTurn(client.tracer(), "pg");
            client.flushAndExpectSuccess();
            ITOtlpTraces.expectAgentTurn(server, traceId, "pg");
        }
    }
}
