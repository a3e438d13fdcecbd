package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MeanDifferenceTest {
    /** Student's sleep data (R datasets::sleep), extra hours of sleep under drug 1 and drug 2. */
    private static final double[] DRUG1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    private static final double[] DRUG2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    /**
     * R's example {@code t.test(extra ~ group, data = sleep)} (Welch): t = -1.8608, df = 17.776,
     * 95% CI -3.3654832 to 0.2054832, means 0.75 and 2.33. Non-inferiority with margin 0.5 is the
     * one-sided Welch test of (drug1 + 0.5) against drug2: t = -1.27195, p = 0.890110
     * (R: t.test(x + 0.5, y, alternative = "greater")).
     */
    @Test
    void welchIntervalOfTheSleepData() {
        MeanNonInferiority d = MeanNonInferiority.of(DRUG1, DRUG2, 0.5, 0.05);
        assertThat(d.mean1()).isCloseTo(0.75, within(1e-12));
        assertThat(d.mean2()).isCloseTo(2.33, within(1e-12));
        assertThat(d.difference()).isCloseTo(-1.58, within(1e-12));
        assertThat(d.ciLow()).isCloseTo(-3.3654832, within(1e-6));
        assertThat(d.ciHigh()).isCloseTo(0.2054832, within(1e-6));
        assertThat(d.nonInferiorityPValue()).isCloseTo(0.890110, within(1e-5));
        assertThat(MeanNonInferiority.of(DRUG1, DRUG2, 2.0, 0.05).nonInferiorityPValue()).isCloseTo(0.313454, within(1e-5));
    }

    /**
     * Mann–Whitney U by hand: {1, 2, 3} against {4, 5, 6} gives U = 0 (or 9), mean 4.5, variance
     * 3·3·7/12 = 5.25, |z| = 4.5 / sqrt(5.25) = 1.963961, two-sided p = 2 Φ(-1.963961) = 0.0495346.
     */
    @Test
    void mannWhitneyByHand() {
        MeanNonInferiority d = MeanNonInferiority.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.5, 0.05);
        assertThat(d.pValue()).isCloseTo(0.0495346, within(1e-6));
        assertThat(d.difference()).isEqualTo(-3.0);
    }

    @Test
    void constantSamplesAreKnownExactly() {
        double[] fours = new double[30];
        Arrays.fill(fours, 4.0);
        MeanNonInferiority d = MeanNonInferiority.of(fours, fours, 0.25, 0.05);
        assertThat(d.ciLow()).isZero();
        assertThat(d.ciHigh()).isZero();
        assertThat(d.nonInferiorityPValue()).isZero();
        assertThat(d.pValue()).isEqualTo(1.0);
        assertThatThrownBy(() -> MeanNonInferiority.of(new double[] {1}, fours, 0.25, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }
}
