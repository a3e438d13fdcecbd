package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EffectSizeTest {

    @Test
    void cohensHOfKnownProportions() {
        // by hand: 2 asin sqrt(0.23) = 2 * 0.5001796 = 1.0003592; 2 asin sqrt(0.05) = 2 * 0.2255134 = 0.4510268;
        // h = 0.5493324 (a "medium" effect in Cohen's terms, 0.5)
        assertThat(EffectSize.cohensH(0.23, 0.05)).isCloseTo(0.5493324, within(1e-6));
        assertThat(EffectSize.cohensH(0.5, 0.5)).isZero();
        assertThat(EffectSize.cohensH(1, 0)).isCloseTo(Math.PI, within(1e-12));
    }

    @Test
    void cohensDWithAveragedVariances() {
        // means 4.2 and 3.5, variances 0.8 and 1.1: 0.7 / sqrt(0.95) = 0.71818
        assertThat(EffectSize.cohensD(4.2, 0.8, 3.5, 1.1)).isCloseTo(0.7 / Math.sqrt(0.95), within(1e-12));
        assertThat(EffectSize.cohensD(3, 0, 3, 0)).isZero();
    }
}
