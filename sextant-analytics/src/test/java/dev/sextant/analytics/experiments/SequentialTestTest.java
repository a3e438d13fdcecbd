package dev.sextant.analytics.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class SequentialTestTest {
    private static final double ALPHA = 0.05;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /**
     * Estimate 0.5, variance 0.04, τ = 0.3 (τ² = 0.09), α = 0.05, by hand: v + τ² = 0.13;
     * √(0.04 / 0.13) = 0.554700; exponent 0.09·0.25 / (2·0.04·0.13) = 0.0225 / 0.0104 = 2.163462,
     * e^2.163462 = 8.70126; Λ = 4.82656, p = 1/Λ = 0.207187. Half-width:
     * 0.04·0.13/0.09 = 0.0577778; log(3.25) = 1.178655; −2·log 0.05 = 5.991465; √(0.0577778 ·
     * 7.170120) = √0.414274 = 0.643641. (To more places, Python: Λ = 4.826560201233601, half-width
     * 0.6436408731750448.) An estimate of 0.2 gives Λ = 0.784 &lt; 1, so p = 1.
     */
    @Test
    void oneLookKnownAnswer() {
        SequentialTest.Look l = SequentialTest.look(0.5, 0.04, 0.3, ALPHA);
        assertThat(l.likelihoodRatio()).isCloseTo(4.826560201233601, within(1e-9));
        assertThat(l.pValue()).isCloseTo(0.2071868905197565, within(1e-9));
        assertThat(l.lower()).isCloseTo(0.5 - 0.6436408731750448, within(1e-9));
        assertThat(l.upper()).isCloseTo(0.5 + 0.6436408731750448, within(1e-9));
        assertThat(SequentialTest.look(0.2, 0.04, 0.3, ALPHA).likelihoodRatio()).isCloseTo(0.7841353352655108, within(1e-9));
        assertThat(SequentialTest.look(0.2, 0.04, 0.3, ALPHA).pValue()).isEqualTo(1.0);
    }

    /** The interval's ends are exactly where the ratio centred on them reaches 1/α. */
    @Test
    void intervalEndsAreWhereTheRatioReachesOneOverAlpha() {
        SequentialTest.Look l = SequentialTest.look(1.3, 0.09, 0.5, ALPHA);
        assertThat(SequentialTest.look(l.upper() - 1.3, 0.09, 0.5, ALPHA).likelihoodRatio()).isCloseTo(1 / ALPHA, within(1e-6));
        assertThat(SequentialTest.look(l.lower() - 1.3, 0.09, 0.5, ALPHA).likelihoodRatio()).isCloseTo(1 / ALPHA, within(1e-6));
    }

    /**
     * The point of the method. 2000 simulated A/A experiments (both arms N(0, 1), seed 20170101),
     * 500 units per arm, peeked after every pair of units from the first one. The mSPRT with known
     * variance (v = 2/n, τ = 0.2) may cross α at most α of the time by Ville's inequality; a naive
     * fixed-horizon z-test looked at every step crosses far more often (theory says the crossing
     * probability tends to 1 with unbounded peeking; with 500 peeks it is well above 25%). With this
     * seed the run gave 1.9% for the mSPRT and 48.35% for the naive test.
     */
    @Test
    void underTheNullPeekingEveryStepKeepsTheErrorRateWhileANaiveZTestDoesNot() {
        RandomGenerator random = new Well19937c(20170101L);
        int experiments = 2000;
        int steps = 500;
        double zCritical = NORMAL.inverseCumulativeProbability(1 - ALPHA / 2);
        int sequentialCrossed = 0;
        int naiveCrossed = 0;
        for (int e = 0; e < experiments; e++) {
            double sumA = 0;
            double sumB = 0;
            boolean seq = false;
            boolean naive = false;
            for (int n = 1; n <= steps; n++) {
                sumA += random.nextGaussian();
                sumB += random.nextGaussian();
                double estimate = (sumB - sumA) / n;
                double variance = 2.0 / n;
                seq |= SequentialTest.look(estimate, variance, 0.2, ALPHA).pValue() < ALPHA;
                naive |= Math.abs(estimate) / Math.sqrt(variance) > zCritical;
            }
            sequentialCrossed += seq ? 1 : 0;
            naiveCrossed += naive ? 1 : 0;
        }
        double sequentialRate = (double) sequentialCrossed / experiments;
        double naiveRate = (double) naiveCrossed / experiments;
        // slack: 2 binomial standard errors at 5% with 2000 runs ≈ 0.01
        assertThat(sequentialRate).as("mSPRT ever significant under the null").isLessThanOrEqualTo(ALPHA + 0.01);
        assertThat(naiveRate).as("naive z-test ever significant under the null").isGreaterThan(0.25);
    }

    /**
     * The monitor as the server will use it, with sample standard deviations and the running minimum
     * and intersection, looks from {@link SequentialTest#MIN_SAMPLES} units on: the same guarantee
     * holds (within the slack of the normal approximation) under the null, and under a real effect
     * of 0.3 σ it finds the effect in most runs and its interval covers the true effect.
     * This seed gave: 3.2% false positives under the null (1.9% with known variance above: the plug-in
     * standard deviations cost a little), the effect found in 97.3% of runs, coverage 97.8%.
     */
    @Test
    void theMonitorWithSampleVariancesKeepsTheErrorRateAndFindsRealEffects() {
        RandomGenerator random = new Well19937c(42L);
        int experiments = 1000;
        int nullCrossed = 0;
        int found = 0;
        int covered = 0;
        for (int e = 0; e < experiments; e++) {
            nullCrossed += run(random, 0.0, 0.2).significant() ? 1 : 0;
            SequentialTest.Result r = run(random, 0.3, 0.2);
            found += r.significant() ? 1 : 0;
            covered += r.lower() <= 0.3 && 0.3 <= r.upper() ? 1 : 0;
        }
        assertThat((double) nullCrossed / experiments).isLessThanOrEqualTo(ALPHA + 0.015);
        assertThat((double) found / experiments).isGreaterThan(0.9);
        assertThat((double) covered / experiments).isGreaterThanOrEqualTo(1 - ALPHA - 0.015);
    }

    private static SequentialTest.Result run(RandomGenerator random, double effect, double tau) {
        SequentialTest monitor = new SequentialTest(tau, ALPHA);
        double sumA = 0;
        double sumSqA = 0;
        double sumB = 0;
        double sumSqB = 0;
        SequentialTest.Result r = null;
        for (int n = 1; n <= 500; n++) {
            double a = random.nextGaussian();
            double b = effect + random.nextGaussian();
            sumA += a;
            sumSqA += a * a;
            sumB += b;
            sumSqB += b * b;
            double meanA = sumA / n;
            double meanB = sumB / n;
            double sdA = n > 1 ? Math.sqrt(Math.max(0, (sumSqA - n * meanA * meanA) / (n - 1))) : 0;
            double sdB = n > 1 ? Math.sqrt(Math.max(0, (sumSqB - n * meanB * meanB) / (n - 1))) : 0;
            r = monitor.observe(n, meanA, sdA, n, meanB, sdB);
        }
        return r;
    }

    @Test
    void thePValueIsTheRunningMinimumAndTheIntervalTheRunningIntersection() {
        SequentialTest monitor = new SequentialTest(0.3, ALPHA);
        SequentialTest.Result early = monitor.observe(10, 0, 1, 10, 1, 1);
        assertThat(early.pValue()).isEqualTo(1.0);
        assertThat(early.reason()).startsWith("insufficient data");
        // v = 1/50 + 1/50 = 0.04, estimate 0.5: the known answer above
        SequentialTest.Result first = monitor.observe(50, 1.0, 1, 50, 1.5, 1);
        assertThat(first.pValue()).isCloseTo(0.2071868905197565, within(1e-9));
        assertThat(first.upper()).isCloseTo(1.1436408731750447, within(1e-9));
        // a later look with no difference does not raise the p-value again
        SequentialTest.Result second = monitor.observe(100, 1.0, 1, 100, 1.0, 1);
        assertThat(second.pValue()).isCloseTo(0.2071868905197565, within(1e-9));
        assertThat(second.looks()).isEqualTo(3);
        assertThat(second.lower()).isCloseTo(-0.14364087317504481, within(1e-9));
        assertThat(second.upper()).isLessThan(first.upper());
        assertThat(second.reason()).startsWith("no significant difference yet");

        SequentialTest rates = new SequentialTest(SequentialTest.defaultTau(0.02), ALPHA);
        SequentialTest.Result r = rates.observeProportions(1000, 10_000, 1200, 10_000);
        assertThat(r.estimate()).isCloseTo(0.02, within(1e-12));
        assertThat(r.significant()).isTrue();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> new SequentialTest(0, ALPHA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tau");
        assertThatThrownBy(() -> new SequentialTest(0.1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha");
        assertThatThrownBy(() -> SequentialTest.look(0.1, 0, 0.1, ALPHA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variance");
        assertThatThrownBy(() -> SequentialTest.look(Double.NaN, 1, 0.1, ALPHA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SequentialTest.defaultTau(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SequentialTest(0.1, ALPHA).observeProportions(5, 3, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("successes");
    }
}
