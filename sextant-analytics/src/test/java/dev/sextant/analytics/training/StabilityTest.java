package dev.sextant.analytics.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Loss noise, gradient spikes and NaN/inf counts on hand-made series. */
class StabilityTest {

    /**
     * Window 3 over 1, 2, 1, 2: the ends are their own smoothing (residual 0); index 1 is
     * smoothed to 4/3 (residual 2/3), index 2 to 5/3 (residual -2/3). Sample std of
     * 0, 2/3, -2/3, 0 is sqrt((8/9) / 3) = 0.5443310540; mean smoothed (1 + 4/3 + 5/3 + 2) / 4
     * = 1.5, relative noise 0.3628873693.
     */
    @Test
    void noiseIsTheResidualSpreadAroundTheSmoothedCurve() {
        StabilityResult r = Stability.analyze(new double[] {1, 2, 1, 2}, new double[0], 3, 3.5);

        assertThat(r.lossNoise()).isCloseTo(0.5443310540, within(1e-9));
        assertThat(r.relativeLossNoise()).isCloseTo(0.3628873693, within(1e-9));
    }

    /** A straight line, however steep, has no noise. */
    @Test
    void aStraightLineHasNoNoise() {
        StabilityResult r = Stability.analyze(new double[] {5, 4, 3, 2, 1, 0.0}, new double[0]);

        assertThat(r.lossNoise()).isCloseTo(0, within(1e-12));
    }

    /**
     * Gradient norms 1.0, 1.1, 0.9, 1.0, 1.2, 0.8, 1.0, 10.0: median 1.0, absolute deviations
     * 0, 0.1, 0.1, 0, 0.2, 0.2, 0, 9 with median 0.1, scale 0.14826. The 10.0 has z = 9 / 0.14826
     * = 60.7: a spike; the 1.2 has z = 1.35: not.
     */
    @Test
    void aPlantedGradientSpikeIsFound() {
        StabilityResult r = Stability.analyze(new double[0], new double[] {1.0, 1.1, 0.9, 1.0, 1.2, 0.8, 1.0, 10.0});

        assertThat(r.gradientSpikes()).containsExactly(7);
        assertThat(r.nanCount()).isZero();
        assertThat(r.infiniteCount()).isZero();
    }

    /** Constant gradient norms have no spread (MAD 0) and so no spikes. */
    @Test
    void constantGradientsHaveNoSpikes() {
        assertThat(Stability.analyze(new double[0], new double[] {2, 2, 2, 2}).gradientSpikes()).isEmpty();
    }

    /**
     * Two NaN (one loss, one gradient) and two infinities (one each) are counted; the finite
     * losses 1 and 0.5 are each their own smoothing (residuals 0, noise 0); one finite gradient
     * has no spread.
     */
    @Test
    void nanAndInfinityAreCounted() {
        StabilityResult r = Stability.analyze(new double[] {1, Double.NaN, 0.5, Double.POSITIVE_INFINITY},
                new double[] {1, Double.NEGATIVE_INFINITY, Double.NaN});

        assertThat(r.nanCount()).isEqualTo(2);
        assertThat(r.infiniteCount()).isEqualTo(2);
        assertThat(r.lossNoise()).isZero();
        assertThat(r.gradientSpikes()).isEmpty();
    }

    @Test
    void emptyAndOnePointHaveNoNoise() {
        StabilityResult empty = Stability.analyze(new double[0], new double[0]);
        assertThat(empty.lossNoise()).isNaN();
        assertThat(empty.relativeLossNoise()).isNaN();
        assertThat(empty.gradientSpikes()).isEmpty();

        StabilityResult one = Stability.analyze(new double[] {0.7}, new double[] {3});
        assertThat(one.lossNoise()).isNaN();
        assertThat(one.gradientSpikes()).isEmpty();
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> Stability.analyze(new double[0], new double[0], 4, 3.5))
                .hasMessage("the smoothing window must be odd and positive, was 4");
        assertThatThrownBy(() -> Stability.analyze(new double[0], new double[0], 3, 0))
                .hasMessage("spikeZ must be finite and > 0, was 0.0");
    }
}
