package dev.sextant.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BudgetClientTest {

    private static BudgetClient.Answer read(String json) {
        return BudgetClient.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDecisionTheRemainderAndEachBudgetSkippingWhatItDoesNotKnow() {
        BudgetClient.Answer a = read("""
                {"decision": "warn", "remaining_usd": 0.25, "future_field": {"x": [1, 2]},
                 "budgets": [{"id": "budget_1", "name": "bot", "scope": "agent:bot", "decision": "warn",
                   "thresholds_crossed": [0.5], "amount_usd": 1, "spent_usd": 0.75, "remaining_usd": 0.25}]}""");
        assertThat(a.error()).isNull();
        assertThat(a.decision()).isEqualTo("warn");
        assertThat(a.remainingUsd()).isEqualByComparingTo("0.25");
        assertThat(a.budgets()).containsExactly(new BudgetClient.Applied("budget_1", "bot", "agent:bot", "warn",
                new java.math.BigDecimal("1"), new java.math.BigDecimal("0.75"), new java.math.BigDecimal("0.25")));
    }

    @Test
    void anUnusableAnswerIsAnErrorNotAnException() {
        assertThat(read("[1]").error()).contains("not a JSON object");
        assertThat(read("{\"decision\": ").error()).contains("not readable JSON");
        assertThat(read("{\"remaining_usd\": 1}").error()).contains("no decision");
    }
}
