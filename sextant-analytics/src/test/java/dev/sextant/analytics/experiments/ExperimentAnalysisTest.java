package dev.sextant.analytics.experiments;

import static dev.sextant.analytics.experiments.ExperimentUnits.NO_TOTALS;
import static dev.sextant.analytics.experiments.ExperimentUnits.START;
import static dev.sextant.analytics.experiments.ExperimentUnits.costUnit;
import static dev.sextant.analytics.experiments.ExperimentUnits.plan;
import static dev.sextant.analytics.experiments.ExperimentUnits.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.HolmCorrection;
import dev.sextant.analytics.experiments.ExperimentVerdict.Kind;
import dev.sextant.store.ExperimentCorrection;
import dev.sextant.store.ExperimentOutcomeTotals;
import dev.sextant.store.ExperimentUnitKind;
import dev.sextant.store.ExperimentUnitOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentAnalysisTest {
    private static final Instant DAY_1 = START.plus(Duration.ofDays(1));

    private static MetricComparison comparison(ExperimentResult r, ExperimentMetric metric) {
        return r.comparisons().stream().filter(c -> c.metric() == metric).findFirst().orElseThrow();
    }

    /** x successes of n single-trace units in a variant. */
    private static void proportion(List<ExperimentUnitOutcome> rows, String variant, int x, int n) {
        for (int i = 0; i < n; i++) {
            rows.add(unit(variant, variant + i, 0, 1, i < x ? 1 : 0));
        }
    }

    /**
     * One trace per unit: the delta method is the unpooled two-proportion z-test. 45/100 against
     * 60/100: R's {@code prop.test(c(60, 45), c(100, 100), correct = FALSE)$conf.int} is
     * [0.01315296, 0.28684704]; se = √(.45·.55/100 + .6·.4/100) = 0.0698212, z = 2.148346,
     * p = 2(1 − Φ(z)) = 0.0316864 (scipy.stats.norm.sf). Cohen's h = 2 asin √.6 − 2 asin √.45 = 0.30225.
     */
    @Test
    void singleTraceUnitsGiveTheTwoProportionZTest() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        proportion(rows, "A", 45, 100);
        proportion(rows, "B", 60, 100);
        ExperimentResult r = ExperimentAnalysis.analyse(plan(List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 0, null,
                DAY_1), rows, NO_TOTALS);
        MetricComparison c = comparison(r, ExperimentMetric.SUCCESS_RATE);
        assertThat(c.difference()).isCloseTo(0.15, within(1e-12));
        assertThat(c.relativeDifference()).isCloseTo(0.15 / 0.45, within(1e-12));
        assertThat(c.lower()).isCloseTo(0.01315296, within(1e-8));
        assertThat(c.upper()).isCloseTo(0.28684704, within(1e-8));
        assertThat(c.pValue()).isCloseTo(0.0316864, within(1e-7));
        assertThat(c.effectSize()).isCloseTo(2 * Math.asin(Math.sqrt(0.6)) - 2 * Math.asin(Math.sqrt(0.45)),
                within(1e-12));
        assertThat(c.effectSizeKind()).isEqualTo("cohens_h");
        assertThat(c.test()).isEqualTo("delta_method_z");
        assertThat(r.variants()).extracting(VariantSummary::units).containsExactly(100L, 100L);
        assertThat(r.variants().get(1).successRate()).isEqualTo(0.6);
        assertThat(r.variants().get(1).errorRate()).isCloseTo(0.4, within(1e-12));
    }

    /**
     * Units with several traces: ratio Σy/Σd and the delta-method variance, hand-computed with numpy
     * as var(y − R·d) / (N·d̄²) (population moments): control units (successes, traces) (1,2), (2,2),
     * (0,1), (3,4), (1,1) give R = 0.7, var = 0.0114; treatment (2,2), (1,3), (2,2), (4,5), (1,1) give
     * R = 10/13, var = 0.013094779594552.
     */
    @Test
    void severalTracesPerUnitUseTheDeltaMethod() {
        RatioMoments a = new RatioMoments();
        for (int[] u : new int[][] {{1, 2}, {2, 2}, {0, 1}, {3, 4}, {1, 1}}) {
            a.add(u[0], u[1]);
        }
        RatioMoments b = new RatioMoments();
        for (int[] u : new int[][] {{2, 2}, {1, 3}, {2, 2}, {4, 5}, {1, 1}}) {
            b.add(u[0], u[1]);
        }
        assertThat(a.ratio()).isCloseTo(0.7, within(1e-12));
        assertThat(a.variance()).isCloseTo(0.0114, within(1e-12));
        assertThat(b.ratio()).isCloseTo(10.0 / 13, within(1e-12));
        assertThat(b.variance()).isCloseTo(0.013094779594552, within(1e-12));
        // with one trace per unit it is p(1 − p)/N
        RatioMoments p = new RatioMoments();
        for (int i = 0; i < 10; i++) {
            p.add(i < 3 ? 1 : 0, 1);
        }
        assertThat(p.variance()).isCloseTo(0.3 * 0.7 / 10, within(1e-15));
    }

    /**
     * Cost per unit is a plain mean: Welch's test. R:
     * {@code t.test(c(.16,.13,.18,.12,.17,.15,.19,.14), c(.10,.12,.09,.15,.11,.13,.10,.14))} gives
     * t = 3.2733, df = 13.72, p-value = 0.005681, 95 percent CI 0.01288125 0.06211875.
     */
    @Test
    void costPerUnitUsesWelchsTest() {
        double[] a = {0.10, 0.12, 0.09, 0.15, 0.11, 0.13, 0.10, 0.14};
        double[] b = {0.16, 0.13, 0.18, 0.12, 0.17, 0.15, 0.19, 0.14};
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            rows.add(costUnit("A", "a" + i, a[i]));
            rows.add(costUnit("B", "b" + i, b[i]));
        }
        ExperimentResult r = ExperimentAnalysis.analyse(plan(List.of(ExperimentMetric.COST_PER_UNIT), List.of(), 0, null,
                DAY_1), rows, NO_TOTALS);
        MetricComparison c = comparison(r, ExperimentMetric.COST_PER_UNIT);
        assertThat(c.test()).isEqualTo("welch_t");
        assertThat(c.difference()).isCloseTo(0.0375, within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.005681, within(1e-6));
        assertThat(c.lower()).isCloseTo(0.01288125, within(1e-7));
        assertThat(c.upper()).isCloseTo(0.06211875, within(1e-7));
        assertThat(c.effectSizeKind()).isEqualTo("cohens_d");
    }

    /**
     * With every unit in the first day there is one look, so the sequential figures are
     * {@link SequentialTest#look} of the final estimate and its delta-method variance, with
     * τ = MDE × the control's rate (0.1 × 0.45).
     */
    @Test
    void oneDayIsOneSequentialLookWithTauFromTheMinimumEffect() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        proportion(rows, "A", 45, 100);
        proportion(rows, "B", 60, 100);
        ExperimentResult r = ExperimentAnalysis.analyse(plan(List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 0, null,
                DAY_1), rows, NO_TOTALS);
        SequentialEstimate s = comparison(r, ExperimentMetric.SUCCESS_RATE).sequential();
        SequentialTest.Look look = SequentialTest.look(0.15, 0.45 * 0.55 / 100 + 0.6 * 0.4 / 100, 0.045, 0.05);
        assertThat(s.looks()).isEqualTo(1);
        assertThat(s.tau()).isCloseTo(0.045, within(1e-12));
        assertThat(s.pValue()).isCloseTo(look.pValue(), within(1e-12));
        assertThat(s.lower()).isCloseTo(look.lower(), within(1e-12));
        assertThat(s.upper()).isCloseTo(look.upper(), within(1e-12));
        // always valid costs width: the sequential interval is wider than the fixed-horizon one
        assertThat(s.upper() - s.lower()).isGreaterThan(0.28684704 - 0.01315296);
    }

    @Test
    void everyTreatmentIsComparedWithTheControlAndCorrectedTogether() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        proportion(rows, "A", 200, 400);
        proportion(rows, "B", 205, 400);
        proportion(rows, "C", 290, 400);
        ExperimentPlan plan = new ExperimentPlan("e", ExperimentUnitKind.USER_ID, List.of(
                new Assignment.Allocation("A", 34), new Assignment.Allocation("B", 33),
                new Assignment.Allocation("C", 33)), "A", List.of(ExperimentMetric.SUCCESS_RATE,
                ExperimentMetric.ERROR_RATE), List.of(), 0.05, ExperimentCorrection.BENJAMINI_HOCHBERG, 300, 0.1,
                START, null, DAY_1);
        ExperimentResult r = ExperimentAnalysis.analyse(plan, rows, NO_TOTALS);
        assertThat(r.comparisons()).extracting(c -> c.treatmentId() + ":" + c.metric().wire()).containsExactly(
                "B:success_rate", "B:error_rate", "C:success_rate", "C:error_rate");
        double[] p = r.comparisons().stream().mapToDouble(c -> c.sequential().pValue()).toArray();
        double[] bh = dev.sextant.analytics.FalseDiscoveryRate.benjaminiHochberg(p);
        assertThat(r.comparisons()).extracting(MetricComparison::correctedPValue)
                .containsExactly(bh[0], bh[1], bh[2], bh[3]);
        assertThat(r.verdict().kind()).isEqualTo(Kind.WINNER);
        assertThat(r.verdict().winner()).isEqualTo("C");
    }

    @Test
    void pValuesOfSeveralMetricsAreCorrectedAsPlanned() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(new ExperimentUnitOutcome("A", "a" + i, START, 2, i % 2 == 0 ? 2 : 1, i % 2 == 0 ? 0 : 1,
                    i % 5 == 0 ? 1 : 0, 1000 + 10L * (i % 7), 2, java.math.BigDecimal.valueOf(0.01 * (i % 3)),
                    3 + i % 3, 1, ExperimentUnits.NO_PRE));
            rows.add(new ExperimentUnitOutcome("B", "b" + i, START, 2, i % 3 == 0 ? 1 : 2, i % 3 == 0 ? 1 : 0,
                    i % 4 == 0 ? 1 : 0, 1100 + 10L * (i % 5), 2, java.math.BigDecimal.valueOf(0.01 * (i % 4)),
                    3 + i % 2, 1, ExperimentUnits.NO_PRE));
        }
        List<ExperimentMetric> metrics = List.of(ExperimentMetric.SUCCESS_RATE, ExperimentMetric.SATISFACTION,
                ExperimentMetric.RESPONSE_TIME, ExperimentMetric.HANDOFF_RATE);
        ExperimentResult r = ExperimentAnalysis.analyse(plan(metrics, List.of(ExperimentMetric.COST_PER_UNIT), 0, null,
                DAY_1), rows, NO_TOTALS);
        List<MetricComparison> tested = r.comparisons().subList(0, 4);
        double[] p = tested.stream().mapToDouble(c -> c.sequential().pValue()).toArray();
        double[] holm = HolmCorrection.adjust(p);
        for (int i = 0; i < 4; i++) {
            assertThat(tested.get(i).correctedPValue()).isEqualTo(holm[i]);
            assertThat(tested.get(i).significant()).isEqualTo(holm[i] < 0.05);
        }
        assertThat(tested).extracting(MetricComparison::role).containsExactly(MetricComparison.Role.PRIMARY,
                MetricComparison.Role.SECONDARY, MetricComparison.Role.SECONDARY, MetricComparison.Role.SECONDARY);
        MetricComparison guard = r.comparisons().get(4);
        assertThat(guard.role()).isEqualTo(MetricComparison.Role.GUARDRAIL);
        assertThat(guard.correctedPValue()).isNull();
        assertThat(guard.guardrailViolated()).isNotNull();
    }

    @Test
    void aSplitThatDoesNotFitTheAllocationIsInvalid() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        proportion(rows, "A", 300, 600);
        proportion(rows, "B", 200, 400);
        ExperimentResult r = ExperimentAnalysis.analyse(plan(List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 0, null,
                DAY_1), rows, NO_TOTALS);
        assertThat(r.sampleRatio().mismatch()).isTrue();
        assertThat(r.verdict().kind()).isEqualTo(Kind.INVALID);
        assertThat(r.verdict().recommendation()).startsWith("Do not use these results: the units per variant"
                + " (A 600, B 400) do not fit the allocation (A 50%, B 50%)");
    }

    @Test
    void unitsInSeveralVariantsMakeTheExperimentInvalid() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        proportion(rows, "A", 250, 500);
        proportion(rows, "B", 350, 500);
        ExperimentPlan plan = plan(List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 0, null, DAY_1);
        assertThat(ExperimentAnalysis.analyse(plan, rows, new ExperimentOutcomeTotals(1000, 0, 0, 9)).verdict().kind())
                .isEqualTo(Kind.WINNER); // 9 of 991 units: under 1%
        ExperimentResult r = ExperimentAnalysis.analyse(plan, rows, new ExperimentOutcomeTotals(1000, 0, 0, 20));
        assertThat(r.verdict().kind()).isEqualTo(Kind.INVALID);
        assertThat(r.unitsInSeveralVariants()).isEqualTo(20);
        assertThat(r.verdict().recommendation()).startsWith("Do not use these results: 20 units were seen in more"
                + " than one variant");
    }

    @Test
    void tooFewUnitsKeepTheExperimentRunningAndSayWhatIsMissing() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        proportion(rows, "A", 20, 40);
        proportion(rows, "B", 22, 40);
        Instant end = START.plus(Duration.ofDays(14));
        ExperimentResult r = ExperimentAnalysis.analyse(plan(List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 100, end,
                DAY_1), rows, new ExperimentOutcomeTotals(80, 3, 1, 0));
        assertThat(r.verdict().kind()).isEqualTo(Kind.KEEP_RUNNING);
        assertThat(r.verdict().missing()).containsExactly("samples: variant A has 40 of 100 units",
                "samples: variant B has 40 of 100 units",
                "significance: no treatment differs significantly in success rate yet",
                "time: the experiment is planned to run until " + end);
        assertThat(r.unitsWithoutId()).isEqualTo(3);
        assertThat(r.tracesWithoutVariant()).isEqualTo(1);
    }

    @Test
    void aClearEffectWithEnoughUnitsIsAWinner() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        proportion(rows, "A", 250, 500);
        proportion(rows, "B", 350, 500);
        ExperimentResult r = ExperimentAnalysis.analyse(plan(List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 400, null,
                DAY_1), rows, NO_TOTALS);
        assertThat(r.verdict().kind()).isEqualTo(Kind.WINNER);
        assertThat(r.verdict().winner()).isEqualTo("B");
        assertThat(r.verdict().recommendation()).startsWith("Roll out B: success rate 0.7000 against 0.5000 for the"
                + " control A (+40.0%), always-valid p = ");
    }

    @Test
    void aTreatmentThatBreaksAGuardrailDoesNotWin() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            boolean ok = i < 250;
            rows.add(new ExperimentUnitOutcome("A", "a" + i, START, 1, ok ? 1 : 0, ok ? 0 : 1, 0, 1000 + i % 10, 1,
                    java.math.BigDecimal.valueOf(0.01 + 0.001 * (i % 5)), 0, 0, ExperimentUnits.NO_PRE));
            boolean okB = i < 350;
            rows.add(new ExperimentUnitOutcome("B", "b" + i, START, 1, okB ? 1 : 0, okB ? 0 : 1, 0, 1000 + i % 10, 1,
                    java.math.BigDecimal.valueOf(0.03 + 0.001 * (i % 5)), 0, 0, ExperimentUnits.NO_PRE));
        }
        ExperimentResult r = ExperimentAnalysis.analyse(plan(List.of(ExperimentMetric.SUCCESS_RATE),
                List.of(ExperimentMetric.COST_PER_UNIT), 400, null, DAY_1), rows, NO_TOTALS);
        assertThat(comparison(r, ExperimentMetric.COST_PER_UNIT).guardrailViolated()).isTrue();
        assertThat(r.verdict().kind()).isEqualTo(Kind.WINNER);
        assertThat(r.verdict().winner()).isEqualTo("A");
        assertThat(r.verdict().recommendation()).startsWith("Keep the control A: B makes a guardrail significantly"
                + " worse (cost per unit");
    }

    @Test
    void anEndedExperimentWithoutSignificanceFindsNoDifference() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        proportion(rows, "A", 50, 100);
        proportion(rows, "B", 51, 100);
        Instant end = START.plus(Duration.ofDays(7));
        ExperimentResult r = ExperimentAnalysis.analyse(plan(List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 1000,
                end, end.plus(Duration.ofDays(2))), rows, NO_TOTALS);
        assertThat(r.verdict().kind()).isEqualTo(Kind.NO_DIFFERENCE);
        assertThat(r.until()).isEqualTo(end);
        assertThat(r.verdict().recommendation()).startsWith("The experiment ended on " + end);
    }

    @Test
    void aNarrowIntervalInsideTheMinimumEffectIsNoDifference() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        proportion(rows, "A", 25_000, 50_000);
        proportion(rows, "B", 25_050, 50_000);
        ExperimentResult r = ExperimentAnalysis.analyse(plan(List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 1000,
                null, DAY_1), rows, NO_TOTALS);
        assertThat(r.verdict().kind()).isEqualTo(Kind.NO_DIFFERENCE);
        assertThat(r.verdict().recommendation()).startsWith("No difference worth acting on: B 0.5010 against 0.5000");
    }

    @Test
    void cupedUsesThePrePeriodWhereEnoughUnitsHaveIt() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 400; i++) {
            String variant = i % 2 == 0 ? "A" : "B";
            double habit = random.nextDouble() * 0.1; // a unit's usual cost, seen before and during
            double cost = habit + (variant.equals("B") ? 0.005 : 0) + random.nextGaussian() * 0.005;
            ExperimentUnitOutcome.Pre pre = i % 10 == 0 ? ExperimentUnits.NO_PRE
                    : new ExperimentUnitOutcome.Pre(1, 1, 0, 0, java.math.BigDecimal.valueOf(habit), 0, 0);
            rows.add(new ExperimentUnitOutcome(variant, "u" + i, START, 1, 1, 0, 0, 0, 0, java.math.BigDecimal.valueOf(cost),
                    0, 0, pre));
        }
        ExperimentResult r = ExperimentAnalysis.analyse(plan(List.of(ExperimentMetric.COST_PER_UNIT,
                ExperimentMetric.HANDOFF_RATE), List.of(), 0, null, DAY_1), rows, NO_TOTALS);
        CupedEstimate cuped = comparison(r, ExperimentMetric.COST_PER_UNIT).cuped();
        assertThat(cuped.applied()).isTrue();
        assertThat(cuped.unitsWithPrePeriod()).isEqualTo(360);
        assertThat(cuped.units()).isEqualTo(400);
        assertThat(cuped.varianceRatio()).isLessThan(0.2);
        assertThat(cuped.upper() - cuped.lower()).isLessThan(comparison(r, ExperimentMetric.COST_PER_UNIT).upper()
                - comparison(r, ExperimentMetric.COST_PER_UNIT).lower());
        CupedEstimate none = comparison(r, ExperimentMetric.HANDOFF_RATE).cuped();
        assertThat(none.applied()).isFalse();
        assertThat(none.reason()).isEqualTo("not applied: 0 of 200 control and 0 of 200 treatment units have a"
                + " pre-period value; CUPED needs at least 10 and 50% on each side");
    }

    @Test
    void theSameDataGiveTheSameAnswerWhateverWasAskedBefore() {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 2000; i++) {
            String v = random.nextBoolean() ? "A" : "B";
            rows.add(unit(v, v + i, random.nextInt(10), 1, random.nextDouble() < (v.equals("B") ? 0.55 : 0.5) ? 1 : 0));
        }
        ExperimentPlan plan = plan(List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 100, null,
                START.plus(Duration.ofDays(10)));
        ExperimentResult first = ExperimentAnalysis.analyse(plan, rows, NO_TOTALS);
        ExperimentResult again = ExperimentAnalysis.analyse(plan, rows, NO_TOTALS);
        assertThat(again).isEqualTo(first);
        assertThat(comparison(first, ExperimentMetric.SUCCESS_RATE).sequential().looks()).isEqualTo(10);
    }

    @Test
    void plansAreValidatedWhereBuilt() {
        assertThatThrownBy(() -> new ExperimentPlan("e", ExperimentUnitKind.USER_ID, List.of(new Assignment.Allocation("A", 60),
                new Assignment.Allocation("B", 50)), "A", List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 0.05,
                ExperimentCorrection.HOLM, 0, 0.1, START, null, START))
                .hasMessage("the allocations must sum to 100%, they sum to 110%");
        assertThatThrownBy(() -> new ExperimentPlan("e", ExperimentUnitKind.USER_ID, List.of(new Assignment.Allocation("A", 50),
                new Assignment.Allocation("B", 50)), "C", List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 0.05,
                ExperimentCorrection.HOLM, 0, 0.1, START, null, START))
                .hasMessage("the control 'C' is not one of the variants");
        assertThatThrownBy(() -> plan(List.of(), List.of(), 0, null, START))
                .hasMessage("an experiment needs at least one metric, the primary first");
        assertThatThrownBy(() -> plan(List.of(ExperimentMetric.SUCCESS_RATE, ExperimentMetric.SUCCESS_RATE), List.of(), 0,
                null, START)).hasMessage("a metric is listed twice among the metrics or the guardrails");
        assertThatThrownBy(() -> plan(List.of(ExperimentMetric.SUCCESS_RATE), List.of(), -1, null, START))
                .hasMessage("the minimum sample size must not be negative, was -1");
        assertThatThrownBy(() -> plan(List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 0, START, START))
                .hasMessage("the end must be after the start, was " + START + " to " + START);
        assertThatThrownBy(() -> new ExperimentPlan("e", ExperimentUnitKind.USER_ID, List.of(
                new Assignment.Allocation("A", 100)), "A", List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 0.05,
                ExperimentCorrection.HOLM, 0, 0.1, START, null, START))
                .hasMessage("an experiment compares at least 2 variants, had 1");
        assertThatThrownBy(() -> new ExperimentPlan("e", ExperimentUnitKind.USER_ID, List.of(
                new Assignment.Allocation("A", 50), new Assignment.Allocation("B", 50)), "A",
                List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 0.7, ExperimentCorrection.HOLM, 0, 0.1, START,
                null, START)).hasMessage("alpha must be more than 0 and at most 0.5, was 0.7");
        assertThatThrownBy(() -> new ExperimentPlan("e", ExperimentUnitKind.USER_ID, List.of(
                new Assignment.Allocation("A", 50), new Assignment.Allocation("B", 50)), "A",
                List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 0.05, ExperimentCorrection.HOLM, 0, 0, START,
                null, START)).hasMessage("the minimum detectable effect must be a positive fraction of the control's"
                        + " value, was 0.0");
    }
}
