package dev.sextant.server.retention;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The schedule on PostgreSQL with configured defaults: traces kept forever,
 * payloads 30 days, a run every 2 seconds; the workspace's old payloads are cleared without
 * anyone asking, the run shows in the API, and it is in the audit log (the runs that remove
 * nothing are not).
 */
class ITRetentionScheduleOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_retention_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA)
            .with("--sextant.retention.traces=forever").with("--sextant.retention.payloads=30")
            .with("--sextant.retention.interval=2s").with("--sextant.retention.batch-size=1");

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void theScheduleAppliesTheConfiguredDefaults() {
        JsonNode before = server.get("/api/v1/retention", ADMIN_KEY).json();
        assertThat(before.get("policies").get(0).get("days").isNull()).as(before.toString()).isTrue();
        assertThat(before.get("policies").get(0).get("default_days").isNull()).isTrue();
        assertThat(before.get("policies").get(1).get("days").asInt()).isEqualTo(30);

        Instant old = Instant.now().minus(Duration.ofDays(45));
        Response ingested = server.post("/api/v1/ingest", ADMIN_KEY, """
                {"batch": [{"type": "trace", "body": {"id": "pg-old", "started_at": "%s", "input": "secret question",
                  "output": "secret answer"}},
                 {"type": "span", "body": {"id": "pg-old-a", "trace_id": "pg-old", "kind": "llm", "cost_usd": "0.5",
                  "started_at": "%s", "input": "p", "output": "c"}},
                 {"type": "span", "body": {"id": "pg-old-b", "trace_id": "pg-old", "kind": "tool", "tool_name": "search",
                  "started_at": "%s", "input": "q", "output": "r"}}]}""".formatted(old, old, old));
        assertThat(ingested.status()).as(ingested.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode trace = server.get("/api/v1/interactions/pg-old", ADMIN_KEY).json();
            assertThat(trace.get("input").isNull()).as(trace.toString()).isTrue();
        });
        JsonNode trace = server.get("/api/v1/interactions/pg-old", ADMIN_KEY).json();
        assertThat(trace.get("output").isNull()).isTrue();
        assertThat(trace.get("cost_usd").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(trace.get("spans")).hasSize(2).allSatisfy(s -> assertThat(s.get("output").isNull()).isTrue());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode runs = server.get("/api/v1/retention", ADMIN_KEY).json();
            assertThat(runs.get("last_run").isNull()).isFalse();
            assertThat(Instant.parse(runs.get("next_run_at").asString()))
                    .isEqualTo(Instant.parse(runs.get("last_run").get("started_at").asString()).plusSeconds(2));
        });

        // the scheduled run that cleared the payloads is in the audit log, by the system
        JsonNode entries = server.get("/api/v1/audit-log?action=retention.run", ADMIN_KEY).json().get("items");
        assertThat(entries).as(entries.toString()).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("actor").get("kind").asString()).isEqualTo("system");
        assertThat(entry.get("actor").get("id").asString()).isEqualTo("system");
        assertThat(entry.get("actor").get("name").asString()).isEqualTo("retention schedule");
        assertThat(entry.get("target").get("type").asString()).isEqualTo("retention");
        assertThat(entry.get("details").get("trigger").asString()).isEqualTo("schedule");
        assertThat(entry.get("details").get("result").get("deleted").get("payloads").asLong()).isEqualTo(3);
        assertThat(entry.get("details").get("result").get("deleted").get("training_metrics").asLong()).isZero();
        assertThat(entry.get("source_ip").isNull()).isTrue();
        Instant recorded = Instant.parse(entry.get("at").asString());

        // later scheduled runs find nothing to remove and record no entry
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode runs = server.get("/api/v1/retention", ADMIN_KEY).json();
            assertThat(Instant.parse(runs.get("last_run").get("started_at").asString())).isAfter(recorded);
            assertThat(runs.get("last_run").get("deleted").get("payloads").asLong()).isZero();
        });
        assertThat(server.get("/api/v1/audit-log?action=retention.run", ADMIN_KEY).json().get("items")).hasSize(1);
    }
}
