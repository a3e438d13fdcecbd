package dev.sextant.analytics.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoMethod;
import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoStudySpec;
import dev.sextant.store.hpo.HpoTrial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterEffectsTest {

    @Test
    void thePlantedParameterRanksFirstAndTheIrrelevantOneIsNearZero() {
        HpoStudySpec study = Studies.study(HpoMethod.RANDOM, 11);
        List<HpoTrial> trials = Studies.run(study, 200, 0.05, 12, Studies::loss);
        List<ParameterEffect> effects = ParameterEffects.of(SearchSpace.of(study.searchSpace()), HpoDirection.MINIMIZE, trials);
        assertThat(effects).extracting(ParameterEffect::parameter).containsExactly("learning_rate", "dropout");
        assertThat(effects.get(0).rank()).isEqualTo(1);
        assertThat(effects.get(0).importance()).isGreaterThan(0.9);
        assertThat(effects.get(1).importance()).isLessThan(0.03);
        assertThat(effects.get(0).scale()).isEqualTo("log10");
        assertThat(effects.get(0).bestBin()).contains("0.001");
        assertThat(effects.get(0).slope()).isNotNull();
        assertThat(effects.get(0).marginalRange()).isGreaterThan(2);
    }

    @Test
    void aLinearEffectIsEstimatedAndItsIntervalCoversTheTrueSlope() {
        // score = 3 * dropout + noise: the slope per unit of dropout is 3; its 95% interval covers 3 about 95% of the time
        int covered = 0;
        for (int seed = 0; seed < 200; seed++) {
            HpoStudySpec study = Studies.study(HpoMethod.RANDOM, seed);
            List<HpoTrial> trials = Studies.run(study, 50, 0.05, 1000 + seed, h -> 3 * ((Number) h.get("dropout")).doubleValue());
            ParameterEffect dropout = ParameterEffects.of(SearchSpace.of(study.searchSpace()), HpoDirection.MINIMIZE, trials)
                    .get(0);
            assertThat(dropout.parameter()).isEqualTo("dropout");
            assertThat(dropout.slope()).isCloseTo(3, within(0.25)); // 5 standard errors
            assertThat(dropout.bestBin()).startsWith("[0, ");
            if (dropout.slopeLow() <= 3 && 3 <= dropout.slopeHigh()) {
                covered++;
            }
        }
        assertThat(covered).isBetween(180, 199);
    }

    @Test
    void categoricalEffectsUseTheValuesAsBins() {
        HpoStudySpec study = new HpoStudySpec("opt", null, HpoMethod.RANDOM, "accuracy", HpoDirection.MAXIMIZE,
                List.of(HpoParameter.categorical("opt", List.of("adam", "sgd")), HpoParameter.floating("x", 0, 1, false)),
                null, null, 3);
        List<HpoTrial> trials = Studies.run(study, 60, 0.01, 4, h -> h.get("opt").equals("adam") ? 0.9 : 0.7);
        List<ParameterEffect> effects = ParameterEffects.of(SearchSpace.of(study.searchSpace()), HpoDirection.MAXIMIZE, trials);
        assertThat(effects.get(0).parameter()).isEqualTo("opt");
        assertThat(effects.get(0).bestBin()).isEqualTo("adam");
        assertThat(effects.get(0).slope()).isNull();
        assertThat(effects.get(0).marginalRange()).isCloseTo(0.2, within(0.01));
    }

    @Test
    void tooFewTrialsSayNothing() {
        HpoStudySpec study = Studies.study(HpoMethod.RANDOM, 1);
        assertThat(ParameterEffects.of(SearchSpace.of(study.searchSpace()), HpoDirection.MINIMIZE,
                List.of(Studies.trial(1, Map.of("learning_rate", 1e-3, "dropout", 0.1), 1)))).isEmpty();
    }
}
