package dev.sextant.server.alerts;

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
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** A rule's whole life on PostgreSQL (fresh schema, dropped afterwards): fires once, is delivered, resolves. */
class ITAlertsOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_alerts_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA)
            .with("--sextant.alerts.evaluation-interval=200ms").with("--sextant.alerts.retry-backoff=100ms");

    static final WebhookReceiver receiver = new WebhookReceiver();

    @AfterAll
    static void cleanUp() throws SQLException {
        receiver.close();
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static void ingest(String prefix, int count, String status) {
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"type": "trace", "body": {"id": "%s-%d", "agent_id": "pg-bot", "status": "%s", "started_at": "%s"}}"""
                    .formatted(prefix, i, status, start.plusSeconds(i)));
        }
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, "{\"batch\": [" + items + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static JsonNode json(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r.json();
    }

    @Test
    void aRuleFiresOnceIsDeliveredAndResolvesOnPostgres() throws Exception {
        String secret = "postgres-secret-0123456789";
        String hook = json(server.post("/api/v1/webhooks", ADMIN_KEY,
                "{\"url\": \"" + receiver.url("/pg") + "\", \"secret\": \"" + secret + "\"}"), 201).get("id").asString();
        String rule = json(server.post("/api/v1/alert-rules", ADMIN_KEY, """
                {"name": "pg errors", "metric": "error_rate", "filter": {"agent_id": "pg-bot"},
                 "condition": {"type": "threshold", "op": ">=", "value": 0.5}, "min_samples": 2,
                 "webhook_ids": ["%s"]}""".formatted(hook)), 201).get("id").asString();

        ingest("pg-err", 2, "error");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode items = json(server.get("/api/v1/alerts?rule_id=" + rule, ADMIN_KEY), 200).get("items");
            assertThat(items.size()).isEqualTo(1);
            assertThat(items.get(0).get("occurrences").asLong()).isGreaterThanOrEqualTo(3);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiver.received("/pg")).hasSize(1));
        WebhookReceiver.Received fired = receiver.received("/pg").getFirst();
        assertThat(fired.header("X-Sextant-Signature"))
                .isEqualTo(WebhookReceiver.expectedSignature(secret, fired.header("X-Sextant-Timestamp"), fired.body()));

        ingest("pg-ok", 3, "ok"); // 2 errors of 5: 0.4 < 0.5
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                json(server.get("/api/v1/alerts?rule_id=" + rule + "&status=resolved", ADMIN_KEY), 200)
                        .get("items").size()).isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiver.received("/pg")).hasSize(2));
        assertThat(receiver.received("/pg").get(1).header("X-Sextant-Event")).isEqualTo("alert.resolved");
        assertThat(json(server.get("/api/v1/alerts?rule_id=" + rule, ADMIN_KEY), 200).get("items").size()).isEqualTo(1);
        // the attempt is recorded after the receiver answered: wait for it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                json(server.get("/api/v1/webhooks/" + hook + "/deliveries", ADMIN_KEY), 200).get("items")
                        .findValuesAsString("status")).containsExactly("delivered", "delivered"));
    }
}
