package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FalseDiscoveryRateTest {

    @Test
    void benjaminiHochbergsOwnExample() {
        // Benjamini & Hochberg (1995), J. R. Statist. Soc. B 57(1), section 4: 15 p-values, at q = 0.05
        // the procedure rejects the four smallest. Adjusted by hand: m p(i) / i with the running minimum
        // from the top, e.g. 15 * 0.0095 / 4 = 0.035625, and for the 5th min(0.0603, 0.0695, 0.063857, ...) = 0.0603.
        double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262,
                0.5719, 0.6528, 0.7590, 1.000};
        double[] q = FalseDiscoveryRate.benjaminiHochberg(p);
        double[] expected = {0.0015, 0.003, 0.0095, 0.035625, 0.0603, 15 * 0.0298 / 7, 15 * 0.0298 / 7, 0.0645, 0.0765,
                0.486, 15 * 0.4262 / 11, 15 * 0.5719 / 12, 15 * 0.6528 / 13, 15 * 0.7590 / 14, 1.0};
        for (int i = 0; i < p.length; i++) {
            assertThat(q[i]).as("q" + (i + 1)).isCloseTo(expected[i], within(1e-12));
        }
        long rejected = java.util.Arrays.stream(q).filter(v -> v <= 0.05).count();
        assertThat(rejected).isEqualTo(4);
    }

    @Test
    void keepsTheInputOrder() {
        double[] q = FalseDiscoveryRate.benjaminiHochberg(new double[] {0.04, 0.01, 0.03});
        // sorted 0.01, 0.03, 0.04: 3 * 0.01 / 1 = 0.03, 3 * 0.03 / 2 = 0.045, 3 * 0.04 / 3 = 0.04 -> min from top 0.04
        assertThat(q).containsExactly(new double[] {0.04, 0.03, 0.04}, within(1e-12));
    }

    @Test
    void refusesWhatIsNotAProbability() {
        assertThatThrownBy(() -> FalseDiscoveryRate.benjaminiHochberg(new double[] {0.1, Double.NaN}))
                .hasMessageContaining("p-value 1");
        assertThat(FalseDiscoveryRate.benjaminiHochberg(new double[0])).isEmpty();
    }
}
