package dev.sextant.server.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.analytics.experiments.ExperimentMetric;
import dev.sextant.analytics.experiments.ExperimentPlan;
import dev.sextant.store.ConflictException;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentCorrection;
import dev.sextant.store.ExperimentSpec;
import dev.sextant.store.ExperimentSpec.Variant;
import dev.sextant.store.ExperimentStatus;
import dev.sextant.store.ExperimentUnitKind;
import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** How a stored definition becomes the analysis plan: start, as-of moment, effect and minimum sample. */
class ResultsPlanTest {
    private static final Instant PLANNED = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant CLICKED = Instant.parse("2026-10-02T09:30:00Z");
    private static final Instant NOW = Instant.parse("2026-10-10T12:00:00Z");

    private static ExperimentSpec spec(List<String> metrics, Long minimum, Double mde, Double baseline, Instant startsAt,
            Instant endsAt) {
        return new ExperimentSpec("x", null, null, ExperimentUnitKind.SESSION_ID, List.of(
                new Variant("a", "a", "c-v1", 40, true), new Variant("b", "b", "c-v2", 60, false)), metrics,
                List.of("cost_per_unit"), minimum, mde, baseline, 0.05, 0.8, ExperimentCorrection.BENJAMINI_HOCHBERG,
                false, startsAt, endsAt);
    }

    private static Experiment experiment(ExperimentSpec spec, ExperimentStatus status, Instant stopped, Instant concluded) {
        return new Experiment("exp", spec, status, null, null, PLANNED, PLANNED,
                status == ExperimentStatus.DRAFT ? null : CLICKED, stopped, concluded);
    }

    @Test
    void aRunningExperimentIsJudgedNowFromItsPlannedStartWithTheEffectOverTheBaseline() {
        ExperimentPlan plan = ResultsPlan.of(experiment(spec(List.of("success_rate", "satisfaction"), 500L, 0.02, 0.1,
                PLANNED, null), ExperimentStatus.RUNNING, null, null), NOW);
        assertThat(plan.start()).isEqualTo(PLANNED);
        assertThat(plan.now()).isEqualTo(NOW);
        assertThat(plan.end()).isNull();
        assertThat(plan.unit()).isEqualTo(ExperimentUnitKind.SESSION_ID);
        assertThat(plan.controlId()).isEqualTo("a");
        assertThat(plan.metrics()).containsExactly(ExperimentMetric.SUCCESS_RATE, ExperimentMetric.SATISFACTION);
        assertThat(plan.guardrails()).containsExactly(ExperimentMetric.COST_PER_UNIT);
        assertThat(plan.correction()).isEqualTo(ExperimentCorrection.BENJAMINI_HOCHBERG);
        assertThat(plan.minimumSamplePerVariant()).isEqualTo(500);
        assertThat(plan.minimumDetectableEffect()).isCloseTo(0.2, Offset.offset(1e-12));
    }

    @Test
    void aStartAfterThePlannedOneCountsFromTheClickAndAStoppedOneIsJudgedWhenItStopped() {
        Instant stopped = Instant.parse("2026-10-05T00:00:00Z");
        ExperimentPlan plan = ResultsPlan.of(experiment(spec(List.of("success_rate"), null, 0.02, 0.1,
                Instant.parse("2026-10-03T00:00:00Z"), null), ExperimentStatus.STOPPED, stopped, null), NOW);
        assertThat(plan.start()).isEqualTo(CLICKED);
        assertThat(plan.now()).isEqualTo(stopped);
        // no minimum sample given: what alpha 0.05, power 0.8, baseline 0.1 and an effect of 0.02 call for
        assertThat(plan.minimumSamplePerVariant()).isEqualTo(3841);
        Instant concluded = Instant.parse("2026-10-06T00:00:00Z");
        assertThat(ResultsPlan.of(experiment(spec(List.of("success_rate"), null, null, null, null, null),
                ExperimentStatus.CONCLUDED, null, concluded), NOW).now()).isEqualTo(concluded);
    }

    @Test
    void withoutAnEffectAndABaselineOrWithAMeanPrimaryTheEffectIsTheDefault() {
        for (ExperimentSpec s : List.of(spec(List.of("success_rate"), null, 0.02, null, null, null),
                spec(List.of("success_rate"), null, null, 0.3, null, null),
                spec(List.of("response_time"), null, 50.0, 0.3, null, null))) {
            ExperimentPlan plan = ResultsPlan.of(experiment(s, ExperimentStatus.RUNNING, null, null), NOW);
            assertThat(plan.minimumDetectableEffect()).isEqualTo(ResultsPlan.DEFAULT_RELATIVE_MDE);
            assertThat(plan.minimumSamplePerVariant()).isZero();
        }
    }

    @Test
    void anExperimentStartedAfterItsPlannedEndHasAnEmptyWindowAndADraftHasNoResults() {
        ExperimentPlan late = ResultsPlan.of(experiment(spec(List.of("success_rate"), null, null, null, null,
                Instant.parse("2026-10-02T00:00:00Z")), ExperimentStatus.RUNNING, null, null), NOW);
        assertThat(late.until()).isEqualTo(late.start());
        assertThatThrownBy(() -> ResultsPlan.of(experiment(spec(List.of("success_rate"), null, null, null, null, null),
                ExperimentStatus.DRAFT, null, null), NOW)).isInstanceOf(ConflictException.class)
                .hasMessage("experiment 'exp' is draft and has no results; start it first (POST /api/v1/experiments/exp/start)");
    }
}
