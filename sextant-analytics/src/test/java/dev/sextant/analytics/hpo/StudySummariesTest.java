package dev.sextant.analytics.hpo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoMethod;
import dev.sextant.store.hpo.HpoStudySpec;
import dev.sextant.store.hpo.HpoTrial;
import dev.sextant.store.hpo.HpoTrialSpec;
import dev.sextant.store.hpo.HpoTrialStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudySummariesTest {
    private static final Map<String, Object> H = Map.of("learning_rate", 1e-3, "dropout", 0.1);

    private static HpoTrial trial(long n, Double score, HpoTrialStatus status, Integer epoch, Boolean overfit) {
        return new HpoTrial("t" + n, n, new HpoTrialSpec(H, score, 10.0, epoch, overfit, null, status), Instant.EPOCH);
    }

    private static HpoStudySpec study(HpoDirection direction, Double baseline) {
        return new HpoStudySpec("s", null, HpoMethod.RANDOM, "m", direction, Studies.SPACE, null, baseline, 1);
    }

    private final List<HpoTrial> trials = List.of(trial(1, 0.50, HpoTrialStatus.COMPLETED, 4, false),
            trial(2, 0.30, HpoTrialStatus.COMPLETED, 6, true), trial(3, 0.30, HpoTrialStatus.COMPLETED, 9, true),
            trial(4, null, HpoTrialStatus.FAILED, null, null), trial(5, 0.10, HpoTrialStatus.PRUNED, 1, null));

    @Test
    void minimizingFindsTheLowestCompletedScoreAndTheImprovementOverTheBaseline() {
        StudySummary s = StudySummaries.of(study(HpoDirection.MINIMIZE, 0.40), trials);
        assertThat(s.best().number()).isEqualTo(2); // tie with 3: the earlier trial; pruned 0.10 does not count
        assertThat(s.improvement()).isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.relativeImprovement()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(List.of(s.trials(), s.completed(), s.failed(), s.pruned())).containsExactly(5, 3, 1, 1);
        assertThat(s.overfitting()).isEqualTo(2);
        assertThat(s.overfittingReported()).isEqualTo(3);
        assertThat(s.convergenceEpochs()).isEqualTo(new StudySummary.EpochStats(4, 5.0, 5.0, 1, 9));
    }

    @Test
    void maximizingFindsTheHighestAndAWorseBestIsANegativeImprovement() {
        StudySummary s = StudySummaries.of(study(HpoDirection.MAXIMIZE, 0.60), trials);
        assertThat(s.best().number()).isEqualTo(1);
        assertThat(s.improvement()).isCloseTo(-0.10, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.relativeImprovement()).isCloseTo(-1 / 6.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void withoutBaselineOrTrialsThereIsNoImprovement() {
        assertThat(StudySummaries.of(study(HpoDirection.MINIMIZE, null), trials).improvement()).isNull();
        StudySummary empty = StudySummaries.of(study(HpoDirection.MINIMIZE, 0.4), List.of());
        assertThat(empty.best()).isNull();
        assertThat(empty.improvement()).isNull();
        assertThat(empty.convergenceEpochs()).isEqualTo(new StudySummary.EpochStats(0, null, null, null, null));
        assertThat(StudySummaries.of(study(HpoDirection.MINIMIZE, 0.0), trials).relativeImprovement()).isNull();
    }
}
