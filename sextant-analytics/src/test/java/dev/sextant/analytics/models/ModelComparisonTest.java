package dev.sextant.analytics.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.models.ModelComparison.BaselineKind;
import dev.sextant.analytics.models.ReliabilityDelta.Change;
import dev.sextant.store.models.ModelEvaluation;
import dev.sextant.store.models.ReliabilityDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Known answers; Fisher's exact p-values as scipy.stats.fisher_exact gives them. */
class ModelComparisonTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    static ModelEvaluation eval(String id, String version, String benchmark, double accuracy, long secondsAfter) {
        return new ModelEvaluation(id, version, benchmark, new TreeMap<>(Map.of("accuracy", accuracy, "f1", accuracy / 2)),
                "accuracy", null, null, T0.plusSeconds(secondsAfter), T0);
    }

    static List<ReliabilityDay> days(long traces, long successes) {
        return List.of(new ReliabilityDay(LocalDate.parse("2026-11-02"), traces, successes, traces - successes, traces,
                0, 800.0, 0, null));
    }

    private static final List<ModelEvaluation> PARENT = List.of(eval("p1", "v1", "mmlu", 0.80, 0),
            eval("p2", "v1", "gsm8k", 0.70, 0), eval("p3", "v1", "arc", 0.90, 0));

    @Test
    void accuracyIsTheMeanPrimaryDeltaOverSharedBenchmarksUsingEachLatestResult() {
        List<ModelEvaluation> child = List.of(eval("c0", "v2", "mmlu", 0.50, 0), eval("c1", "v2", "mmlu", 0.86, 60),
                eval("c2", "v2", "gsm8k", 0.70, 0), eval("c3", "v2", "humaneval", 0.40, 0));
        ModelComparison c = ModelComparison.of("v2", "v1", BaselineKind.PARENT, child, PARENT, days(100, 90), days(100, 70));
        assertThat(c.accuracy().benchmarks()).extracting(BenchmarkDeltas.Benchmark::benchmark)
                .containsExactly("gsm8k", "mmlu");
        assertThat(c.accuracy().benchmarks().get(1).delta()).isCloseTo(0.06, within(1e-12));
        assertThat(c.accuracy().benchmarks().get(1).metricDeltas().get("f1")).isCloseTo(0.03, within(1e-12));
        assertThat(c.accuracy().primaryDelta()).isCloseTo(0.03, within(1e-12));
        assertThat(c.accuracyChange()).isEqualTo(Change.BETTER);
        // 90/100 against 70/100: Fisher's exact two-sided p = 6.504107e-4
        assertThat(c.reliability().pValue()).isCloseTo(6.504107076e-4, within(1e-10));
        assertThat(c.reliability().difference()).isCloseTo(0.2, within(1e-12));
        assertThat(c.reliability().ciLow()).isGreaterThan(0);
        assertThat(c.reliability().change()).isEqualTo(Change.BETTER);
        assertThat(c.assessment()).isEqualTo(Assessment.IMPROVEMENT);
        assertThat(c.reason()).isEqualTo("v2 against v1: accuracy +3.00 points; success rate significantly higher (p = 0.000650)");
    }

    @Test
    void fivePointsWithReliabilityNotWorseIsMajor() {
        List<ModelEvaluation> child = List.of(eval("c1", "v2", "mmlu", 0.90, 0), eval("c2", "v2", "gsm8k", 0.70, 0));
        ModelComparison c = ModelComparison.of("v2", "v1", BaselineKind.CHOSEN, child, PARENT, days(100, 80), days(100, 80));
        assertThat(c.accuracy().primaryDelta()).isCloseTo(0.05, within(1e-12));
        assertThat(c.reliability().change()).isEqualTo(Change.SAME);
        assertThat(c.assessment()).isEqualTo(Assessment.MAJOR_IMPROVEMENT);
        // the same accuracy with production significantly worse (70/100 against 90/100) is mixed
        ModelComparison worse = ModelComparison.of("v2", "v1", BaselineKind.CHOSEN, child, PARENT, days(100, 70),
                days(100, 90));
        assertThat(worse.reliability().change()).isEqualTo(Change.WORSE);
        assertThat(worse.assessment()).isEqualTo(Assessment.MIXED_RESULTS);
    }

    @Test
    void fewTracesAreNotTestedAndNoSharedBenchmarkIsNoChange() {
        ModelComparison c = ModelComparison.of("v2", "v1", BaselineKind.PARENT, List.of(eval("x", "v2", "new", 0.9, 0)),
                PARENT, days(9, 0), List.of());
        assertThat(c.accuracy().benchmarks()).isEmpty();
        assertThat(c.accuracy().primaryDelta()).isNull();
        assertThat(c.reliability().tested()).isFalse();
        assertThat(c.reliability().pValue()).isNull();
        assertThat(c.reliability().difference()).isNull();
        assertThat(c.reliability().reason()).isEqualTo("not tested: needs at least 10 production traces on each side"
                + " since its deployment, had 9 and 0");
        assertThat(c.assessment()).isEqualTo(Assessment.NO_CHANGE);
    }

    @Test
    void theRuleCoversEveryCombination() {
        Change up = Change.BETTER;
        Change down = Change.WORSE;
        Change same = Change.SAME;
        assertThat(ModelComparison.assess(up, 0.06, same)).isEqualTo(Assessment.MAJOR_IMPROVEMENT);
        assertThat(ModelComparison.assess(up, 0.06, up)).isEqualTo(Assessment.MAJOR_IMPROVEMENT);
        assertThat(ModelComparison.assess(up, 0.06, down)).isEqualTo(Assessment.MIXED_RESULTS);
        assertThat(ModelComparison.assess(up, 0.02, same)).isEqualTo(Assessment.IMPROVEMENT);
        assertThat(ModelComparison.assess(same, 0.0, up)).isEqualTo(Assessment.IMPROVEMENT);
        assertThat(ModelComparison.assess(same, null, up)).isEqualTo(Assessment.IMPROVEMENT);
        assertThat(ModelComparison.assess(down, -0.02, up)).isEqualTo(Assessment.MIXED_RESULTS);
        assertThat(ModelComparison.assess(down, -0.02, same)).isEqualTo(Assessment.REGRESSION);
        assertThat(ModelComparison.assess(same, 0.005, down)).isEqualTo(Assessment.REGRESSION);
        assertThat(ModelComparison.assess(down, -0.2, down)).isEqualTo(Assessment.REGRESSION);
        assertThat(ModelComparison.assess(same, 0.009, same)).isEqualTo(Assessment.NO_CHANGE);
        assertThat(ModelComparison.assess(same, null, same)).isEqualTo(Assessment.NO_CHANGE);
    }

    @Test
    void oneAccuracyPointIsTheSmallestChange() {
        List<ModelEvaluation> child = List.of(eval("c1", "v2", "mmlu", 0.81, 0));
        ModelComparison c = ModelComparison.of("v2", "v1", BaselineKind.PARENT, child, PARENT, List.of(), List.of());
        assertThat(c.accuracyChange()).isEqualTo(Change.BETTER);
        List<ModelEvaluation> less = List.of(eval("c1", "v2", "mmlu", 0.795, 0));
        assertThat(ModelComparison.of("v2", "v1", BaselineKind.PARENT, less, PARENT, List.of(), List.of())
                .assessment()).isEqualTo(Assessment.NO_CHANGE);
    }
}
