package dev.sextant.server.alerts;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules, the scheduler, alerts and webhooks through the real server (evaluated every 200 ms),
 * with a local HTTP server receiving the webhooks, checking their signatures, and failing the
 * first attempt to prove the retry.
 */
class ITAlerts {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.alerts.evaluation-interval=200ms")
            .with("--sextant.alerts.retry-backoff=100ms")
            .with("--sextant.alerts.max-attempts=3")
            .with("--sextant.alerts.webhook-timeout=5s");

    static final WebhookReceiver receiver = new WebhookReceiver();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    /** Traces of one agent started a few minutes ago, well inside a 1h window. */
    static void ingest(String agent, String prefix, int count, String status) {
        List<String> items = new ArrayList<>();
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            items.add("""
                    {"type": "trace", "body": {"id": "%s-%d", "agent_id": "%s", "status": "%s",
                      "started_at": "%s", "ended_at": "%s"}}""".formatted(prefix, i, agent, status,
                    start.plusSeconds(i), start.plusSeconds(i + 1)));
        }
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static JsonNode created(String path, String key, String body) {
        Response r = server.post(path, key, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aRuleFiresOnceStaysOneAlertIsAcknowledgedResolvesAndEveryEventIsSignedAndRetried() throws Exception {
        receiver.failFirst("/json", 1);
        String secret = "a-shared-secret-of-32-characters";
        JsonNode jsonHook = created("/api/v1/webhooks", ADMIN_KEY,
                "{\"url\": \"" + receiver.url("/json") + "\", \"secret\": \"" + secret + "\"}");
        assertThat(jsonHook.get("secret").asString()).isEqualTo(secret);
        assertThat(jsonHook.get("format").asString()).isEqualTo("json");
        JsonNode slackHook = created("/api/v1/webhooks", ADMIN_KEY,
                "{\"url\": \"" + receiver.url("/slack") + "\", \"format\": \"slack\"}");
        String slackSecret = slackHook.get("secret").asString();
        assertThat(slackSecret).startsWith("whsec_").hasSize(6 + 48);

        JsonNode rule = created("/api/v1/alert-rules", ADMIN_KEY, """
                {"name": "lifecycle errors", "metric": "error_rate", "filter": {"agent_id": "lifecycle-bot"},
                 "window": "1h", "condition": {"type": "threshold", "op": ">", "value": 0.5},
                 "severity": "critical", "min_samples": 2, "webhook_ids": ["%s", "%s"]}"""
                .formatted(jsonHook.get("id").asString(), slackHook.get("id").asString()));
        String ruleId = rule.get("id").asString();
        assertThat(rule.get("condition").get("op").asString()).isEqualTo(">");
        assertThat(rule.get("enabled").asBoolean()).isTrue();

        // 3 errors of 3: 1.0 > 0.5 fires
        ingest("lifecycle-bot", "lc-err", 3, "error");
        String alerts = "/api/v1/alerts?rule_id=" + ruleId;
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode items = ok(server.get(alerts, ADMIN_KEY)).get("items");
            assertThat(items.size()).isEqualTo(1);
            assertThat(items.get(0).get("occurrences").asLong()).isGreaterThanOrEqualTo(3);
        });
        JsonNode alert = ok(server.get(alerts, ADMIN_KEY)).get("items").get(0);
        String alertId = alert.get("id").asString();
        assertThat(alert.get("status").asString()).isEqualTo("firing");
        assertThat(alert.get("severity").asString()).isEqualTo("critical");
        assertThat(alert.get("value").asDouble()).isEqualTo(1.0);
        assertThat(alert.get("details").get("samples").asLong()).isEqualTo(3);
        assertThat(alert.get("details").get("reason").asString())
                .isEqualTo("error_rate over the last 1h is 1.0, > 0.5 (3 samples)");

        // the JSON webhook: first attempt answered 503, the retry delivered; both signed
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.received("/json")).hasSize(2));
        for (WebhookReceiver.Received r : receiver.received("/json")) {
            assertThat(r.header("X-Sextant-Signature"))
                    .isEqualTo(WebhookReceiver.expectedSignature(secret, r.header("X-Sextant-Timestamp"), r.body()));
            assertThat(r.header("X-Sextant-Event")).isEqualTo("alert.fired");
        }
        assertThat(receiver.received("/json")).extracting(WebhookReceiver.Received::answered).containsExactly(503, 200);
        JsonNode fired = JSON.readTree(receiver.received("/json").get(1).body());
        assertThat(fired.get("event").asString()).isEqualTo("alert.fired");
        assertThat(fired.get("alert").get("id").asString()).isEqualTo(alertId);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode d = ok(server.get("/api/v1/webhooks/" + jsonHook.get("id").asString() + "/deliveries", ADMIN_KEY))
                    .get("items");
            assertThat(d.size()).isEqualTo(1);
            assertThat(d.get(0).get("status").asString()).isEqualTo("delivered");
            assertThat(d.get(0).get("attempts").asInt()).isEqualTo(2);
            assertThat(d.get(0).get("last_status_code").asInt()).isEqualTo(200);
            assertThat(d.get(0).get("alert_id").asString()).isEqualTo(alertId);
        });

        // the Slack webhook: text and blocks, signed with the generated secret
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.received("/slack")).hasSize(1));
        WebhookReceiver.Received slack = receiver.received("/slack").getFirst();
        assertThat(slack.header("X-Sextant-Signature"))
                .isEqualTo(WebhookReceiver.expectedSignature(slackSecret, slack.header("X-Sextant-Timestamp"), slack.body()));
        JsonNode slackBody = JSON.readTree(slack.body());
        assertThat(slackBody.get("text").asString())
                .isEqualTo("[CRITICAL] lifecycle errors is firing: error_rate over the last 1h is 1.0, &gt; 0.5 (3 samples)");
        assertThat(slackBody.get("blocks").get(0).get("type").asString()).isEqualTo("section");

        // acknowledged: still open, still one alert
        JsonNode acked = ok(server.post("/api/v1/alerts/" + alertId + "/acknowledge", ADMIN_KEY, ""));
        assertThat(acked.get("status").asString()).isEqualTo("acknowledged");
        assertThat(acked.get("acknowledged_by").asString()).startsWith("key ");

        // 3 errors of 10: 0.3 is not > 0.5, the alert resolves; the resolve is delivered once
        ingest("lifecycle-bot", "lc-ok", 7, "ok");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(ok(server.get("/api/v1/alerts/" + alertId, ADMIN_KEY)).get("status").asString())
                        .isEqualTo("resolved"));
        JsonNode resolved = ok(server.get("/api/v1/alerts/" + alertId, ADMIN_KEY));
        assertThat(resolved.get("resolved_at").isNull()).isFalse();
        assertThat(resolved.get("details").get("state").asString()).as("the numbers it cleared on").isEqualTo("ok");
        assertThat(resolved.get("details").get("samples").asLong()).isEqualTo(10);
        assertThat(resolved.get("value").asDouble()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.received("/slack")).hasSize(2));
        assertThat(JSON.readTree(receiver.received("/slack").get(1).body()).get("text").asString())
                .startsWith("[CRITICAL] lifecycle errors is resolved: error_rate over the last 1h is 0.3")
                .endsWith(", not &gt; 0.5 (10 samples)");
        assertThat(resolved.get("acknowledged_at").isNull()).isFalse();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.received("/json")).hasSize(3));
        assertThat(receiver.received("/json").get(2).header("X-Sextant-Event")).isEqualTo("alert.resolved");
        assertThat(ok(server.get(alerts, ADMIN_KEY)).get("items").size()).isEqualTo(1);
        assertThat(ok(server.get(alerts + "&status=resolved", ADMIN_KEY)).get("items").size()).isEqualTo(1);
        assertThat(ok(server.get(alerts + "&status=firing", ADMIN_KEY)).get("items").size()).isZero();
    }

    @Test
    void theTestEndpointEvaluatesNowAndChangesNothing() {
        ingest("dry-run-bot", "dry", 2, "ok");
        JsonNode rule = created("/api/v1/alert-rules", ADMIN_KEY, """
                {"name": "any traffic", "metric": "interactions", "filter": {"agent_id": "dry-run-bot"},
                 "window": "1h", "condition": {"type": "threshold", "op": ">=", "value": 2}, "enabled": false}""");
        String id = rule.get("id").asString();

        JsonNode test = ok(server.post("/api/v1/alert-rules/" + id + "/test", ADMIN_KEY, ""));

        assertThat(test.get("would_do").asString()).isEqualTo("fire");
        assertThat(test.get("evaluation").get("state").asString()).isEqualTo("firing");
        assertThat(test.get("evaluation").get("value").asDouble()).isEqualTo(2.0);
        assertThat(test.get("evaluation").get("samples").asLong()).isEqualTo(2);
        assertThat(test.get("description").asString()).contains("the rule is disabled");
        assertThat(ok(server.get("/api/v1/alerts?rule_id=" + id, ADMIN_KEY)).get("items").size()).isZero();
    }

    @Test
    void anAnomalyRuleWithoutHistorySaysInsufficientBaselineWithTheCounts() {
        ingest("new-bot", "new", 4, "ok");
        JsonNode rule = created("/api/v1/alert-rules", ADMIN_KEY, """
                {"name": "traffic spike", "metric": "interactions", "filter": {"agent_id": "new-bot"},
                 "window": "1h", "condition": {"type": "anomaly", "direction": "up", "sensitivity": 4}}""");

        JsonNode test = ok(server.post("/api/v1/alert-rules/" + rule.get("id").asString() + "/test", ADMIN_KEY, ""));

        JsonNode e = test.get("evaluation");
        assertThat(e.get("state").asString()).isEqualTo("insufficient_baseline");
        assertThat(e.get("value").asDouble()).isEqualTo(4.0);
        assertThat(e.get("anomaly").get("seasonal_windows_with_data").asInt()).isZero();
        assertThat(e.get("anomaly").get("seasonal_windows").asInt()).isEqualTo(4);
        assertThat(e.get("anomaly").get("recent_windows_with_data").asInt()).isZero();
        assertThat(e.get("anomaly").get("recent_windows").asInt()).isEqualTo(12);
        assertThat(e.get("reason").asString()).startsWith("insufficient baseline: 0 of 4 same-time-of-week windows");
        assertThat(test.get("would_do").asString()).isEqualTo("none");
    }

    @Test
    void rulesAreReadReplacedAndDeleted() {
        JsonNode rule = created("/api/v1/alert-rules", ADMIN_KEY, """
                {"name": "'; DROP TABLE alert_rules; --", "metric": "latency_p95",
                 "condition": {"type": "anomaly"}}""");
        String id = rule.get("id").asString();
        assertThat(rule.get("window").asString()).isEqualTo("1h");
        assertThat(rule.get("severity").asString()).isEqualTo("warning");
        assertThat(rule.get("min_samples").asLong()).isEqualTo(10);
        assertThat(rule.get("condition").get("direction").asString()).isEqualTo("both");
        assertThat(rule.get("condition").get("sensitivity").asDouble()).isEqualTo(3.5);
        assertThat(ok(server.get("/api/v1/alert-rules/" + id, ADMIN_KEY))).isEqualTo(rule);
        assertThat(ok(server.get("/api/v1/alert-rules", ADMIN_KEY)).get("items").findValuesAsString("id")).contains(id);

        Response put = server.send(SextantTestServer.authorized(server.request("/api/v1/alert-rules/" + id), ADMIN_KEY)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name": "p95 over 2s", "metric": "latency_p95", "window": "15m",
                         "condition": {"type": "threshold", "op": ">=", "value": 2000}, "enabled": false}""")).build());
        JsonNode replaced = ok(put);
        assertThat(replaced.get("name").asString()).isEqualTo("p95 over 2s");
        assertThat(replaced.get("window").asString()).isEqualTo("15m");
        assertThat(replaced.get("condition").get("type").asString()).isEqualTo("threshold");
        assertThat(replaced.get("condition").has("direction")).isFalse();
        assertThat(replaced.get("min_samples").asLong()).isEqualTo(1);
        assertThat(replaced.get("created_at")).isEqualTo(rule.get("created_at"));

        assertThat(server.delete("/api/v1/alert-rules/" + id, ADMIN_KEY).status()).isEqualTo(204);
        assertThat(server.get("/api/v1/alert-rules/" + id, ADMIN_KEY).status()).isEqualTo(404);
        assertThat(server.delete("/api/v1/alert-rules/" + id, ADMIN_KEY).status()).isEqualTo(404);
    }
}
