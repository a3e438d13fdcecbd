package dev.sextant.analytics.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Convergence rate from the slope of log-loss, on exponential curves and plateaus. */
class ConvergenceTest {

    /**
     * loss = 2 e^(-0.1 i), i = 0..19: the tail is the last 4 (20%); ln loss has slope -0.1
     * exactly, so the rate is 0.1 and the fitted improvement over the 3 steps of the tail is
     * 1 - e^(-0.3) = 0.2591817793: still improving, not converged.
     */
    @Test
    void anExponentialDecayIsStillImproving() {
        double[] loss = IntStream.range(0, 20).mapToDouble(i -> 2 * Math.exp(-0.1 * i)).toArray();

        ConvergenceResult r = Convergence.analyze(loss);

        assertThat(r.rate()).isCloseTo(0.1, within(1e-12));
        assertThat(r.tailImprovement()).isCloseTo(0.2591817793, within(1e-9));
        assertThat(r.tailPoints()).isEqualTo(4);
        assertThat(r.converged()).isFalse();
        assertThat(r.diverging()).isFalse();
    }

    /** A decay that flattens at 0.5 from index 10: the tail (16..19) is flat, improvement 0. */
    @Test
    void aPlateauHasConverged() {
        double[] loss = IntStream.range(0, 20).mapToDouble(i -> i < 10 ? Math.exp(-0.1 * i) : 0.5).toArray();

        ConvergenceResult r = Convergence.analyze(loss);

        assertThat(r.converged()).isTrue();
        assertThat(r.rate()).isCloseTo(0, within(1e-12));
        assertThat(r.tailImprovement()).isCloseTo(0, within(1e-12));
    }

    /**
     * loss = e^(0.05 i), i = 0..9: tail of max(3, ceil(2)) = 3 points, slope +0.05 over a span of
     * 2, improvement 1 - e^(0.1) = -0.1051709181: diverging.
     */
    @Test
    void aGrowingLossDiverges() {
        double[] loss = IntStream.range(0, 10).mapToDouble(i -> Math.exp(0.05 * i)).toArray();

        ConvergenceResult r = Convergence.analyze(loss);

        assertThat(r.tailPoints()).isEqualTo(3);
        assertThat(r.rate()).isCloseTo(-0.05, within(1e-12));
        assertThat(r.tailImprovement()).isCloseTo(-0.1051709181, within(1e-9));
        assertThat(r.diverging()).isTrue();
        assertThat(r.converged()).isFalse();
    }

    /**
     * NaN, 0 and -1 are skipped; left 1, 0.5, 0.25, 0.125 at indices 0, 2, 4, 6. With the whole
     * series as tail, ln loss falls by ln 2 every 2 indices: rate ln2 / 2 = 0.3465735903, and
     * over the span of 6 the improvement is 1 - 2^-3 = 0.875.
     */
    @Test
    void nonPositiveAndNonFiniteValuesAreSkipped() {
        double[] loss = {1, Double.NaN, 0.5, 0, 0.25, -1, 0.125};

        ConvergenceResult r = Convergence.analyze(loss, 1.0, 0.01);

        assertThat(r.tailPoints()).isEqualTo(4);
        assertThat(r.rate()).isCloseTo(0.3465735903, within(1e-9));
        assertThat(r.tailImprovement()).isCloseTo(0.875, within(1e-12));
    }

    @Test
    void tooFewPointsGiveNoVerdict() {
        ConvergenceResult empty = Convergence.analyze(new double[0]);
        assertThat(empty.converged()).isFalse();
        assertThat(empty.rate()).isNaN();
        assertThat(empty.tailPoints()).isZero();

        ConvergenceResult one = Convergence.analyze(new double[] {0.3});
        assertThat(one.converged()).isFalse();
        assertThat(one.rate()).isNaN();

        ConvergenceResult nans = Convergence.analyze(new double[] {Double.NaN, Double.NaN, Double.NaN, 1});
        assertThat(nans.rate()).isNaN();
        assertThat(nans.tailPoints()).isEqualTo(1);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> Convergence.analyze(new double[3], 0, 0.01))
                .hasMessage("tailFraction must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> Convergence.analyze(new double[3], 0.5, Double.NaN))
                .hasMessage("threshold must be finite and > 0, was NaN");
    }
}
