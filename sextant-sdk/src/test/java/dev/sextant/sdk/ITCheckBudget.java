package dev.sextant.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.sdk.BudgetDecision.Decision;
import dev.sextant.testing.RealServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code checkBudget} against the real server: an enforced 1 USD monthly budget of agent
 * "budget-bot" and a watched 100 USD one of the workspace, nothing spent yet.
 */
class ITCheckBudget {
    private static RealServer server;
    private static Sextant sextant;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        server = RealServer.start();
        sextant = Sextant.builder().endpoint(server.base()).apiKey(RealServer.KEY).agentId("budget-bot").build();
        post("{\"name\": \"bot\", \"scope\": \"agent:budget-bot\", \"amount_usd\": 1, \"period\": \"month\","
                + " \"thresholds\": [0.5], \"enforcement\": \"enforce\"}");
        post("{\"name\": \"all\", \"scope\": \"workspace\", \"amount_usd\": 100, \"period\": \"month\"}");
    }

    private static void post(String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.base().resolve("/api/v1/budgets"))
                .header("Authorization", "Bearer " + RealServer.KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        sextant.close();
        server.close();
    }

    @Test
    void aSmallCallIsAllowedWithWhatRemains() {
        BudgetDecision d = sextant.checkBudget(null, "gpt-4o", new BigDecimal("0.25"));
        assertThat(d.decision()).isEqualTo(Decision.ALLOW);
        assertThat(d.error()).isNull();
        assertThat(d.remainingUsd()).isEqualByComparingTo("1");
        assertThat(d.budgets()).extracting(BudgetDecision.AppliedBudget::name).containsExactly("bot", "all");
        assertThat(d.budgets().get(0).scope()).isEqualTo("agent:budget-bot");
        assertThat(d.budgets().get(0).spentUsd()).isEqualByComparingTo("0");
        assertThat(d.budgets().get(0).amountUsd()).isEqualByComparingTo("1");
    }

    @Test
    void crossingAThresholdWarnsAndExceedingAnEnforcedBudgetDenies() {
        assertThat(sextant.checkBudget(null, null, new BigDecimal("0.6")).decision()).isEqualTo(Decision.WARN);
        BudgetDecision deny = sextant.checkBudget("budget-bot", null, new BigDecimal("1.5"));
        assertThat(deny.decision()).isEqualTo(Decision.DENY);
        assertThat(deny.denied()).isTrue();
        assertThat(deny.budgets().get(0).decision()).isEqualTo(Decision.DENY);
        assertThat(deny.budgets().get(1).decision()).isEqualTo(Decision.ALLOW);
        assertThat(sextant.checkBudget("another-bot", null, new BigDecimal("1.5")).decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void withoutAnAnswerTheDecisionIsUnknownAndNothingThrows() {
        try (Sextant wrongKey = Sextant.builder().endpoint(server.base()).apiKey("sk-not-a-key-of-this-server-000")
                .build()) {
            BudgetDecision d = wrongKey.checkBudget("budget-bot", null, BigDecimal.ONE);
            assertThat(d.decision()).isEqualTo(Decision.UNKNOWN);
            assertThat(d.error()).contains("HTTP 401");
        }
        try (Sextant nobody = Sextant.builder().endpoint(URI.create("http://127.0.0.1:9")).apiKey(RealServer.KEY)
                .requestTimeout(Duration.ofSeconds(2)).build()) {
            BudgetDecision d = nobody.checkBudget("budget-bot", null, BigDecimal.ONE);
            assertThat(d.decision()).isEqualTo(Decision.UNKNOWN);
            assertThat(d.error()).contains("cannot reach");
        }
        assertThat(sextant.checkBudget(null, null, new BigDecimal("-1")).decision()).isEqualTo(Decision.UNKNOWN);
    }
}
