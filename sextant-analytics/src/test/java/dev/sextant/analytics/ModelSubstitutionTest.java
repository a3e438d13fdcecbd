package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.SubstitutionTest.MetricTest;
import dev.sextant.analytics.SubstitutionTest.Verdict;
import dev.sextant.store.ModelOutcomes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelSubstitutionTest {
    private static final Map<Double, Long> EVEN_RATINGS = Map.of(4.0, 30L, 5.0, 30L);

    private static ModelOutcomes.Group group(String model, long n, long ok, long handoffs, String cost,
            Map<Double, Long> ratings, long recent) {
        return new ModelOutcomes.Group("answer", model, n, ok, handoffs, new BigDecimal(cost), new TreeMap<>(ratings),
                recent);
    }

    /**
     * 480/500 against 485/500 successes, 10 against 12 hand-offs, the same 60 ratings: every metric
     * is within its margin. Saving: cost per execution 0.5 / 500 = 0.001 against 5 / 500 = 0.01, so
     * 0.009 × 3000 executions of the expensive model in the last 30 days = $27.
     */
    @Test
    void aCheaperModelWithinEveryMarginIsRecommendedWithItsSaving() {
        SubstitutionTest t = ModelSubstitution.compare(group("flash", 500, 480, 10, "0.5", EVEN_RATINGS, 1000),
                group("pro", 500, 485, 12, "5.0", EVEN_RATINGS, 3000), SubstitutionSettings.DEFAULT);
        assertThat(t.verdict()).as(t.reason()).isEqualTo(Verdict.RECOMMENDED);
        assertThat(t.projectedMonthlySavingsUsd()).isEqualByComparingTo("27");
        assertThat(t.cheaperCostPerExecutionUsd()).isEqualByComparingTo("0.001");
        assertThat(t.metrics()).extracting(MetricTest::metric).containsExactly("success_rate", "handoff_rate", "mean_rating");
        assertThat(t.metrics()).allMatch(MetricTest::tested).allMatch(MetricTest::nonInferior);
        MetricTest success = t.metrics().getFirst();
        assertThat(success.difference()).isCloseTo(-0.01, within(1e-12));
        assertThat(success.nCheaper()).isEqualTo(500);
        // Holm over three non-inferiority p-values: the largest adjusted one is at least the raw one
        double[] raw = t.metrics().stream().mapToDouble(MetricTest::nonInferiorityPValue).toArray();
        assertThat(t.metrics().stream().mapToDouble(MetricTest::nonInferiorityPValueHolm).toArray())
                .containsExactly(HolmCorrection.adjust(raw), within(1e-15));
        MetricTest rating = t.metrics().get(2);
        assertThat(rating.difference()).isZero();
        assertThat(rating.pValue()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aSignificantlyWorseCheaperModelIsNotRecommended() {
        SubstitutionTest t = ModelSubstitution.compare(group("flash", 500, 400, 10, "0.5", Map.of(), 10),
                group("pro", 500, 485, 10, "5.0", Map.of(), 10), SubstitutionSettings.DEFAULT);
        assertThat(t.verdict()).isEqualTo(Verdict.NOT_RECOMMENDED);
        assertThat(t.reason()).contains("significantly worse on success_rate");
        assertThat(t.metrics().getFirst().significantlyWorse()).isTrue();
        assertThat(t.metrics().get(2).tested()).isFalse();
        assertThat(t.metrics().get(2).nCheaper()).isZero();
    }

    /**
     * 1900/2000 against 1920/2000 with a margin of 0.02: not significantly different (Fisher 0.147,
     * scipy), non-inferiority not shown (p = 0.0641 by hand, as in ProportionDifferenceTest), although
     * the test had power 0.918: the data speak against the switch rather than for more data.
     */
    @Test
    void nonInferiorityNotShownWithPowerIsNotRecommended() {
        SubstitutionTest t = ModelSubstitution.compare(group("flash", 2000, 1900, 0, "1", Map.of(), 10),
                group("pro", 2000, 1920, 0, "4", Map.of(), 10), SubstitutionSettings.DEFAULT.withMargins(0.02, null, null));
        MetricTest success = t.metrics().getFirst();
        assertThat(success.pValue()).isCloseTo(0.147106, within(1e-6));
        assertThat(success.nonInferiorityPValue()).isCloseTo(0.064148, within(1e-6));
        assertThat(success.power()).isCloseTo(0.918315, within(1e-6));
        assertThat(success.significantlyWorse()).isFalse();
        assertThat(t.verdict()).isEqualTo(Verdict.NOT_RECOMMENDED);
        assertThat(t.reason()).contains("although the test had the power");
    }

    /** 38/40 each: non-inferiority p 0.187 with power 0.225 (by hand): more data, not a verdict. */
    @Test
    void tooLittlePowerIsInconclusiveAndTooFewExecutionsInsufficient() {
        SubstitutionTest t = ModelSubstitution.compare(group("flash", 40, 38, 2, "0.04", Map.of(), 10),
                group("pro", 40, 38, 2, "0.4", Map.of(), 10), SubstitutionSettings.DEFAULT);
        assertThat(t.metrics().getFirst().nonInferiorityPValue()).isCloseTo(0.186818, within(1e-6));
        assertThat(t.metrics().getFirst().power()).isCloseTo(0.225074, within(1e-6));
        assertThat(t.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(t.reason()).contains("too little data").contains("executions per model needed");

        SubstitutionTest few = ModelSubstitution.compare(group("flash", 10, 10, 0, "0.01", Map.of(), 10),
                group("pro", 500, 485, 10, "5.0", Map.of(), 10), SubstitutionSettings.DEFAULT);
        assertThat(few.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(few.reason()).isEqualTo("at least 30 executions per model are needed; flash has 10, pro has 500");
    }

    @Test
    void everyPairWithDifferentCostsIsComparedRecommendedFirst() {
        ModelOutcomes outcomes = new ModelOutcomes(List.of(
                group("flash", 500, 480, 10, "0.5", EVEN_RATINGS, 1000),
                group("mini", 500, 400, 10, "0.5", Map.of(), 1000),
                group("pro", 500, 485, 12, "5.0", EVEN_RATINGS, 3000),
                new ModelOutcomes.Group("other-task", "pro", 100, 100, 0, BigDecimal.ONE, new TreeMap<>(), 0)),
                Instant.EPOCH);
        List<SubstitutionTest> tests = ModelSubstitution.compareAll(outcomes, SubstitutionSettings.DEFAULT);
        // flash and mini cost the same per execution: no pair; each against pro; other-task has one model
        assertThat(tests).extracting(t -> t.cheaper().model() + ">" + t.expensive().model())
                .containsExactly("flash>pro", "mini>pro");
        assertThat(tests.getFirst().verdict()).isEqualTo(Verdict.RECOMMENDED);
        assertThat(tests.get(1).verdict()).isEqualTo(Verdict.NOT_RECOMMENDED);
    }
}
