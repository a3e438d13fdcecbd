package dev.sextant.analytics.learnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.learnings.LearningsStore.Baseline;
import org.junit.jupiter.api.Test;

/** Known answers: scipy.stats.fisher_exact and the Wilson / Newcombe formulas computed by hand. */
class LearningEffectTest {

    @Test
    void appliedAgainstTheBaseline() {
        LearningEffect e = LearningEffect.of(90, 10, new Baseline(100, 60));

        assertThat(e.applications()).isEqualTo(100);
        assertThat(e.successRate()).isEqualTo(0.9);
        assertThat(e.successLow()).isCloseTo(0.8256343384950865, within(1e-9));
        assertThat(e.successHigh()).isCloseTo(0.9447708629393249, within(1e-9));
        assertThat(e.baselineRate()).isEqualTo(0.6);
        assertThat(e.baselineLow()).isCloseTo(0.5020025867910618, within(1e-9));
        assertThat(e.difference()).isCloseTo(0.3, within(1e-12));
        assertThat(e.differenceLow()).isCloseTo(0.1827891706745629, within(1e-9));
        assertThat(e.differenceHigh()).isCloseTo(0.40774007222930186, within(1e-9));
        assertThat(e.pValue()).isCloseTo(1.2433405573877402e-06, within(1e-12));
    }

    @Test
    void withoutOutcomesOrBaselineTheComparisonIsNull() {
        LearningEffect none = LearningEffect.of(0, 0, new Baseline(10, 5));
        assertThat(none.successRate()).isNull();
        assertThat(none.difference()).isNull();
        assertThat(none.baselineRate()).isEqualTo(0.5);
        LearningEffect noBaseline = LearningEffect.of(3, 1, new Baseline(0, 0));
        assertThat(noBaseline.successRate()).isEqualTo(0.75);
        assertThat(noBaseline.baselineRate()).isNull();
        assertThat(noBaseline.pValue()).isNull();
    }
}
