package dev.sextant.analytics.configurations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.configurations.VersionComparison.BaselineKind;
import dev.sextant.analytics.configurations.VersionComparison.Verdict;
import dev.sextant.store.ConfigurationPerformance.Version;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Known answers: p-values as scipy gives them (fisher_exact, ttest_ind_from_stats with equal_var=False). */
class VersionComparisonTest {

    private static Version version(String name, long n, long successes, double latency, long ratings, Double rating) {
        return new Version("bot", name, n, successes, n, latency, null, 200.0, ratings, rating,
                ratings > 1 ? 0.5 : null, new BigDecimal("0.01").multiply(BigDecimal.valueOf(n)), 0.002, 0, null, null);
    }

    @Test
    void aVersionBetterOnSuccessRatingAndSpeedIsBetter() {
        VersionComparison c = VersionComparison.of(version("v2", 100, 90, 1000, 40, 4.5),
                version("v1", 100, 70, 1200, 40, 4.0), BaselineKind.PARENT);

        assertThat(c.verdict()).isEqualTo(Verdict.BETTER);
        assertThat(c.baselineKind()).isEqualTo(BaselineKind.PARENT);
        assertThat(c.successRate().difference()).isCloseTo(0.2, within(1e-12));
        // Fisher's exact test of 90/10 against 70/30: 6.504107e-4; Holm ranks it third of four: x 2
        assertThat(c.successRate().pValue()).isCloseTo(6.504107076e-4, within(1e-10));
        assertThat(c.successRate().adjustedPValue()).isCloseTo(2 * 6.504107076e-4, within(1e-10));
        // Cohen's h: |2 asin sqrt(0.9) - 2 asin sqrt(0.7)|
        assertThat(c.successRate().effectSize()).isCloseTo(0.5157783719, within(1e-9));
        assertThat(c.successRate().improved()).isTrue();
        // Welch: t = -200 / sqrt(2 * 200² / 100) = -7.0711, p = 2.5806e-11; Holm first of four: x 4
        assertThat(c.responseTimeMs().pValue()).isCloseTo(2.5806165e-11, within(1e-17));
        assertThat(c.responseTimeMs().adjustedPValue()).isCloseTo(4 * 2.5806165e-11, within(1e-17));
        assertThat(c.responseTimeMs().improved()).isTrue();
        // t = 0.5 / sqrt(2 * 0.25 / 40) = 4.4721, p = 2.59637e-5; Holm second: x 3
        assertThat(c.satisfaction().pValue()).isCloseTo(2.59636996e-5, within(1e-12));
        assertThat(c.satisfaction().adjustedPValue()).isCloseTo(3 * 2.59636996e-5, within(1e-12));
        assertThat(c.satisfaction().effectSize()).isCloseTo(1.0, within(1e-12));
        assertThat(c.costPerExecutionUsd().pValue()).isCloseTo(1.0, within(1e-12));
        assertThat(c.costPerExecutionUsd().significant()).isFalse();
        assertThat(c.reason()).isEqualTo("v2 against v1: better success_rate and satisfaction and response_time_ms");
    }

    @Test
    void aTradeOffIsDecidedByQualityFirstAndNamed() {
        VersionComparison c = VersionComparison.of(version("v2", 100, 90, 1200, 0, null),
                version("v1", 100, 70, 1000, 0, null), BaselineKind.DEFAULT);
        assertThat(c.verdict()).isEqualTo(Verdict.BETTER);
        assertThat(c.satisfaction().tested()).isFalse();
        assertThat(c.satisfaction().reason()).isEqualTo("insufficient data: needs at least 5 values on each side, had 0 and 0");
        assertThat(c.reason()).isEqualTo("v2 against v1: better success_rate, worse response_time_ms; success_rate decides");
    }

    @Test
    void slowerAloneIsWorse() {
        // Welch t = -60 / 28.284 = -2.1213, p = 0.0351387; with success (p = 1) and cost (p = 1): Holm x 3 = 0.1054 > 0.05
        VersionComparison held = VersionComparison.of(version("v2", 100, 80, 1060, 0, null),
                version("v1", 100, 80, 1000, 0, null), BaselineKind.CHOSEN);
        assertThat(held.responseTimeMs().pValue()).isCloseTo(0.0351386642, within(1e-9));
        assertThat(held.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
        assertThat(held.reason()).isEqualTo("v2 against v1: no metric differs significantly");

        VersionComparison worse = VersionComparison.of(version("v2", 100, 80, 1200, 0, null),
                version("v1", 100, 80, 1000, 0, null), BaselineKind.CHOSEN);
        assertThat(worse.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(worse.responseTimeMs().improved()).isFalse();
    }

    @Test
    void fewerThanTenExecutionsOnASideIsInsufficientData() {
        VersionComparison c = VersionComparison.of(version("v2", 9, 9, 1000, 0, null),
                version("v1", 100, 10, 1200, 0, null), BaselineKind.PARENT);
        assertThat(c.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(c.reason()).isEqualTo("v2 against v1: needs at least 10 executions on each side, had 9 and 100");
    }

    @Test
    void theDefaultIsTheConfigurationsFirstVersion() {
        assertThat(VersionComparison.defaultVersionOf("support-prompt-v7")).hasValue("support-prompt-v1");
        assertThat(VersionComparison.defaultVersionOf("a-v2-v12")).hasValue("a-v2-v1");
        assertThat(VersionComparison.defaultVersionOf("code-assistant-2.4")).isEmpty();
        assertThat(VersionComparison.defaultVersionOf("x-v0")).isEmpty();
    }
}
