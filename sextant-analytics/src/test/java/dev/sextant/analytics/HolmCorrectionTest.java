package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmCorrectionTest {

    /**
     * By hand: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04; the last is
     * raised to 0.06 (never below the one before). R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm")
     * gives 0.03 0.06 0.06 0.02.
     */
    @Test
    void stepDownWithMonotonicity() {
        assertThat(HolmCorrection.adjust(0.01, 0.04, 0.03, 0.005))
                .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
    }

    @Test
    void capsAtOneAndKeepsSinglesAsTheyAre() {
        assertThat(HolmCorrection.adjust(0.4, 0.6)).containsExactly(new double[] {0.8, 0.8}, within(1e-15));
        assertThat(HolmCorrection.adjust(0.7, 0.9)).containsExactly(new double[] {1.0, 1.0}, within(1e-15));
        assertThat(HolmCorrection.adjust(0.04)).containsExactly(0.04);
        assertThat(HolmCorrection.adjust()).isEmpty();
        assertThatThrownBy(() -> HolmCorrection.adjust(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
