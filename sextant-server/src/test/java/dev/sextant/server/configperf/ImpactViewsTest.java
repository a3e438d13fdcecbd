package dev.sextant.server.configperf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.configurations.BusinessImpact;
import dev.sextant.analytics.configurations.ChangeEvent;
import dev.sextant.analytics.configurations.ParameterImpact;
import dev.sextant.analytics.configurations.ParameterObservation;
import dev.sextant.analytics.configurations.ParameterObservation.Outcome;
import dev.sextant.store.ConfigurationPerformance.Point;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The planned JSON of parameter and business impact, with the server's snake_case naming. */
class ImpactViewsTest {
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    @Test
    void parameterImpactJson() {
        List<ParameterObservation> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            list.add(new ParameterObservation(Map.of("temperature", i / 20.0, "tone", i % 2 == 0 ? "formal" : "friendly"),
                    null, 5 - 2 * (i / 20.0), null, null));
        }
        JsonNode json = JSON.valueToTree(ParameterImpactView.of(ParameterImpact.analyse(list, Outcome.RATING)));
        assertThat(json.get("outcome").asString()).isEqualTo("rating");
        JsonNode temperature = json.get("parameters").get(0);
        assertThat(temperature.propertyNames()).contains("name", "kind", "observations", "analysed", "reason",
                "pearson", "pearson_p_value", "spearman", "spearman_p_value", "eta_squared", "anova_p_value", "impact",
                "best", "groups");
        assertThat(temperature.get("impact").asString()).isEqualTo("high");
        assertThat(temperature.get("best").propertyNames()).containsExactlyInAnyOrder("low", "high", "median", "value",
                "observations", "mean", "ci_low", "ci_high");
        JsonNode recommendation = json.get("recommendation");
        assertThat(recommendation.get("method").asString()).isEqualTo("best_bin_bootstrap");
        assertThat(recommendation.get("recommended").asBoolean()).isTrue();
        assertThat(recommendation.get("parameters").get("temperature").asDouble()).isEqualTo(0.1);
        assertThat(recommendation.propertyNames()).contains("expected_improvement", "improvement_low",
                "improvement_high", "candidates");
    }

    @Test
    void businessImpactJson() {
        Instant nov1 = Instant.parse("2026-11-01T00:00:00Z");
        List<Point> series = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            series.add(new Point("bot", d < 5 ? "v1" : "v2", nov1.plus(d, ChronoUnit.DAYS), 10, d < 5 ? 6 : 9, 10, 10_000,
                    new BigDecimal("0.5"), 0, 0));
        }
        BusinessImpact impact = BusinessImpact.of(List.of(new ChangeEvent("c1", nov1.plus(5, ChronoUnit.DAYS), "bot", "v1",
                "v2", null)), series, nov1, nov1.plus(10, ChronoUnit.DAYS), new BigDecimal("3"), new BigDecimal("20"));
        JsonNode json = JSON.valueToTree(BusinessImpactView.of(impact, java.util.Map.of("c1", new Activations.Activation(
                impact.changes().getFirst().event(), "support", "activate"))));
        JsonNode change = json.get("changes").get(0);
        assertThat(change.get("measured").asBoolean()).isTrue();
        assertThat(change.get("configuration_id").asString()).isEqualTo("support");
        assertThat(change.get("kind").asString()).isEqualTo("activate");
        assertThat(change.get("before").get("first_day").asString()).isEqualTo("2026-11-02"); // change on Nov 6: after is Nov 7..10 (4 days), so before is Nov 2..5
        // 4 days each side: successes 36 after against 24 before, × 3, same run cost: 36; roi (36 − 20) / 20
        assertThat(change.get("net_benefit_usd").decimalValue()).isEqualByComparingTo("36");
        assertThat(change.get("roi").asDouble()).isEqualTo(0.8);
        assertThat(json.get("top").get(0).asString()).isEqualTo("c1");
        assertThat(json.get("under_performing").size()).isZero();
    }
}
