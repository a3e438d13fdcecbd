package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The demo's training runs ({@link DemoTraining}) load on PostgreSQL too, in a schema of their own,
 * and read back through the API as on DuckDB ({@code ITDemoDefinitions}).
 */
class ITDemoTrainingOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_demo_train_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.demo=true")
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void theDemosRunsReadBackWithTheirQualityAndProgress() {
        Map<String, String> status = new HashMap<>();
        ok("/api/v1/training/runs").get("runs").forEach(r -> status.put(r.get("id").asString(), r.get("status").asString()));
        assertThat(status).containsEntry("sft-support-v3", "completed").containsEntry("sft-support-v4", "completed")
                .containsEntry("sft-support-v4-b64", "failed").containsEntry("tl-code-repos", "completed")
                .containsEntry("fs-campaign-briefs", "completed").containsEntry("sft-support-v5", "running");
        JsonNode overfits = ok("/api/v1/training/runs/sft-support-v4");
        assertThat(overfits.get("quality").get("overfitting").get("overfitting").asBoolean()).isTrue();
        assertThat(overfits.get("point_count").asLong()).isEqualTo(DemoTraining.runs(java.time.Instant.now(), 42).stream()
                .filter(r -> r.id().equals("sft-support-v4")).findFirst().orElseThrow().points().size());
        JsonNode progress = ok("/api/v1/training/runs/sft-support-v5/progress");
        assertThat(progress.get("fraction_done").asDouble()).isBetween(0.6, 0.7);
        assertThat(progress.get("predicted_final_loss").isNull()).as(progress.toString()).isFalse();
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, SextantTestServer.ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
