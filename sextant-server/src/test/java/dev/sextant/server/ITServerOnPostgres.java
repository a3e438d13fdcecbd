package dev.sextant.server;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Batches;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same server on PostgreSQL (SEXTANT_DB_URL), in a fresh schema dropped afterwards. A missing database fails. */
class ITServerOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_server_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

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
    void theDesignExampleRoundTripsOnPostgres() {
        assertThat(server.get("/health", null).json().get("status").asString()).isEqualTo("ok");
        Response ingest = server.post("/api/v1/ingest", ADMIN_KEY, Batches.DESIGN_EXAMPLE);
        assertThat(ingest.status()).as(ingest.toString()).isEqualTo(200);
        assertThat(server.get("/api/v1/interactions/t-1", ADMIN_KEY).json().get("cost_usd").decimalValue())
                .isEqualByComparingTo("0.000225");
        assertThat(server.get("/api/v1/interactions/stats", ADMIN_KEY).json().get("interactions").asLong()).isEqualTo(1);
        assertThat(server.get("/api/v1/interactions/t-1", otherWorkspaceKey()).status()).isEqualTo(404);
        Response parquet = server.get("/api/v1/export?entity=traces&format=parquet", ADMIN_KEY);
        assertThat(parquet.status()).as(parquet.toString()).isEqualTo(400);
        assertThat(parquet.json().get("errors").get(0).get("message").asString())
                .isEqualTo("format parquet is written by the embedded DuckDB store only; this server stores in "
                        + "PostgreSQL: use csv or jsonl");
    }

    private static String otherWorkspaceKey() {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"pg-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }
}
