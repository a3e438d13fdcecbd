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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Budget thresholds become alerts through the scheduler (every 200 ms): one alert per crossed
 * threshold, each notified once to the workspace's webhooks, resolved when the budget no longer
 * crosses it. A Flash call of 1000 in + 500 out costs $0.000225; the budget is $0.0005 a month.
 */
class ITBudgetAlerts {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.alerts.evaluation-interval=200ms")
            .with("--sextant.budgets.check-cache-ttl=50ms");

    static final WebhookReceiver receiver = new WebhookReceiver();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static void spend(String id) {
        Instant at = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, """
                {"batch": [{"type": "trace", "body": {"id": "%s", "agent_id": "spender", "started_at": "%s"}},
                  {"type": "span", "body": {"id": "%s-llm", "trace_id": "%s", "kind": "llm", "model": "gemini-1.5-flash",
                    "usage": {"input_tokens": 1000, "output_tokens": 500}, "started_at": "%s"}}]}"""
                .formatted(id, at, id, id, at));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static List<JsonNode> alerts(String status) {
        Response r = server.get("/api/v1/alerts?status=" + status, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("items").valueStream().filter(a -> a.get("source").asString().equals("budget")).toList();
    }

    @Test
    void eachCrossedThresholdIsOneAlertNotifiedOnceAndResolvedWhenTheBudgetIsRaised() throws Exception {
        Response hook = server.post("/api/v1/webhooks", ADMIN_KEY, "{\"url\": \"" + receiver.url("/budget") + "\"}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        Response created = server.post("/api/v1/budgets", ADMIN_KEY, """
                {"name": "tiny", "scope": "agent:spender", "amount_usd": 0.0005, "period": "month",
                 "thresholds": [0.5, 1.0], "enforcement": "watch"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        spend("b-1"); // 45%: nothing crossed
        Thread.sleep(600);
        assertThat(alerts("firing")).isEmpty();

        spend("b-2"); // 90%: the 50% threshold
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alerts("firing")).hasSize(1));
        JsonNode half = alerts("firing").getFirst();
        assertThat(half.get("dedupe_key").asString()).isEqualTo("budget:" + id + ":0.5");
        assertThat(half.get("severity").asString()).isEqualTo("info");
        assertThat(half.get("title").asString()).isEqualTo(
                "Budget tiny (agent:spender, per month) is at 90%: $0.00 of $0.00 spent, past its 50% threshold");
        assertThat(half.get("value").asDouble()).isEqualTo(0.00045 / 0.0005, org.assertj.core.data.Offset.offset(1e-9));

        spend("b-3"); // 135%: the 100% threshold too
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alerts("firing")).hasSize(2));
        assertThat(alerts("firing")).extracting(a -> a.get("severity").asString()).containsExactlyInAnyOrder("info", "critical");
        Thread.sleep(600); // more rounds: still two alerts, each notified once
        assertThat(alerts("firing")).hasSize(2);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.received("/budget")).hasSize(2));
        assertThat(receiver.received("/budget")).extracting(r -> r.header("X-Sextant-Event")).containsOnly("alert.fired");

        Response raised = server.send(SextantTestServer.authorized(server.request("/api/v1/budgets/" + id), ADMIN_KEY)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name": "tiny", "scope": "agent:spender", "amount_usd": 100, "period": "month",
                         "thresholds": [0.5, 1.0], "enforcement": "watch"}""")).build());
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(alerts("firing")).isEmpty();
            assertThat(alerts("resolved")).hasSize(2);
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.received("/budget")).hasSize(4));
        assertThat(JSON.readTree(receiver.received("/budget").get(3).body()).toString()).contains("resolved");
    }
}
