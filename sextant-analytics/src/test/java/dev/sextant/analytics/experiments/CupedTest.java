package dev.sextant.analytics.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;

class CupedTest {
    private static final double[] X_A = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final double[] Y_A = {2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.0, 20.2};
    private static final double[] X_B = {2, 4, 1, 3, 5, 7, 6, 9, 8, 12};
    private static final double[] Y_B = {5.0, 9.1, 3.2, 7.0, 11.1, 15.0, 12.9, 19.2, 16.8, 25.0};

    /**
     * Reference values from numpy over the same 20 units: {@code th = np.cov(y, x)[0, 1] /
     * np.var(x, ddof=1)} = 2.0031049250535333 with pooled mean of x 5.6; adjusted values y − th·(x −
     * 5.6) have means 11.240310492505353 (A) and 12.229689507494644 (B), difference
     * 0.9893790149892912 against the raw 1.39 (by hand: B's x average 5.7 against A's 5.5, and
     * 1.39 − θ·(5.7 − 5.5) = 1.39 − 0.40062 = 0.98938: the chance imbalance times θ is removed), standard error
     * {@code sqrt(aA.var(ddof=1)/10 + aB.var(ddof=1)/10)} = 0.06406116582029918 against the raw
     * 2.8773541086676606, and variance ratio 0.006973768234112804 (x and y are nearly collinear).
     */
    @Test
    void knownAnswerFromNumpy() {
        Cuped.Result r = Cuped.adjust(Y_A, X_A, Y_B, X_B);
        assertThat(r.theta()).isCloseTo(2.0031049250535333, within(1e-12));
        assertThat(r.adjustedMeanA()).isCloseTo(11.240310492505353, within(1e-12));
        assertThat(r.adjustedMeanB()).isCloseTo(12.229689507494644, within(1e-12));
        assertThat(r.difference()).isCloseTo(0.9893790149892912, within(1e-12));
        assertThat(r.standardError()).isCloseTo(0.06406116582029918, within(1e-12));
        assertThat(r.rawDifference()).isCloseTo(1.39, within(1e-12));
        assertThat(r.rawStandardError()).isCloseTo(2.8773541086676606, within(1e-12));
        assertThat(r.varianceRatio()).isCloseTo(0.006973768234112804, within(1e-12));
        assertThat(r.nA()).isEqualTo(10);
    }

    /**
     * Synthetic data, seed 2013: per unit X ~ N(0, 1) and Y = 5 + effect + ρ·X + √(1 − ρ²)·ε with
     * ρ = 0.7, effect 0.25 in B only, 200 units per arm, 2000 experiments. Theory: the adjusted
     * difference is unbiased (its mean over runs ≈ 0.25; the standard error of that mean is
     * √(2·0.51/200)/√2000 ≈ 0.0016) and its variance is (1 − ρ²) = 0.51 times the raw difference's.
     * This seed gave: mean adjusted difference 0.2480, raw 0.2494, variance ratio over runs 0.5215,
     * mean reported ratio 0.5193, 95% interval coverage 0.9495.
     */
    @Test
    void onCorrelatedDataTheEstimateIsUnbiasedAndItsVarianceLowerByRhoSquared() {
        RandomGenerator random = new Well19937c(2013L);
        double rho = 0.7;
        double effect = 0.25;
        int runs = 2000;
        int n = 200;
        double[] adjusted = new double[runs];
        double[] raw = new double[runs];
        double[] ratios = new double[runs];
        int seCovered = 0;
        for (int run = 0; run < runs; run++) {
            double[] xA = new double[n];
            double[] yA = new double[n];
            double[] xB = new double[n];
            double[] yB = new double[n];
            for (int i = 0; i < n; i++) {
                xA[i] = random.nextGaussian();
                yA[i] = 5 + rho * xA[i] + Math.sqrt(1 - rho * rho) * random.nextGaussian();
                xB[i] = random.nextGaussian();
                yB[i] = 5 + effect + rho * xB[i] + Math.sqrt(1 - rho * rho) * random.nextGaussian();
            }
            Cuped.Result r = Cuped.adjust(yA, xA, yB, xB);
            adjusted[run] = r.difference();
            raw[run] = r.rawDifference();
            ratios[run] = r.varianceRatio();
            seCovered += Math.abs(r.difference() - effect) <= 1.959964 * r.standardError() ? 1 : 0;
        }
        assertThat(StatUtils.mean(adjusted)).isCloseTo(effect, within(0.006));
        assertThat(StatUtils.mean(raw)).isCloseTo(effect, within(0.01));
        assertThat(StatUtils.variance(adjusted) / StatUtils.variance(raw)).isCloseTo(1 - rho * rho, within(0.06));
        assertThat(StatUtils.mean(ratios)).isCloseTo(1 - rho * rho, within(0.03));
        // the reported standard error is honest: 95% intervals cover the true effect about 95% of the time
        assertThat((double) seCovered / runs).isCloseTo(0.95, within(0.015));
    }

    @Test
    void anUncorrelatedCovariateChangesLittle() {
        RandomGenerator random = new Well19937c(7L);
        double[] xA = new double[500];
        double[] yA = new double[500];
        double[] xB = new double[500];
        double[] yB = new double[500];
        for (int i = 0; i < 500; i++) {
            xA[i] = random.nextGaussian();
            yA[i] = random.nextGaussian();
            xB[i] = random.nextGaussian();
            yB[i] = random.nextGaussian();
        }
        Cuped.Result r = Cuped.adjust(yA, xA, yB, xB);
        assertThat(r.varianceRatio()).isBetween(0.98, 1.0);
        assertThat(r.theta()).isCloseTo(0, within(0.1));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> Cuped.adjust(Y_A, new double[9], Y_B, X_B))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variant A").hasMessageContaining("lengths differ");
        assertThatThrownBy(() -> Cuped.adjust(new double[3], new double[3], Y_B, X_B))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 10 units, had 3");
        double[] nan = Y_B.clone();
        nan[4] = Double.NaN;
        assertThatThrownBy(() -> Cuped.adjust(Y_A, X_A, nan, X_B))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variant B: unit 4");
        double[] inf = X_B.clone();
        inf[0] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> Cuped.adjust(Y_A, X_A, Y_B, inf)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cuped.adjust(Y_A, new double[10], Y_B, new double[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not vary");
        assertThatThrownBy(() -> Cuped.adjust(null, X_A, Y_B, X_B)).isInstanceOf(IllegalArgumentException.class);
    }
}
