package dev.sextant.analytics.context;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** The 95% intervals and tests the context analytics share. */
final class Intervals {
    static final double Z_95 = 1.959963984540054;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Intervals() {
    }

    /** Wilson's score interval (95%) for x successes of n: {low, high}; null when n is 0. */
    static double[] wilson(long x, long n) {
        if (n == 0) {
            return null;
        }
        double p = x / (double) n;
        double z2 = Z_95 * Z_95;
        double centre = (2 * n * p + z2) / (2 * (n + z2));
        double half = Z_95 * Math.sqrt(z2 + 4 * n * p * (1 - p)) / (2 * (n + z2));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * Newcombe's hybrid score interval (method 10) for p1 - p2 from the two Wilson intervals:
     * {low, high}.
     */
    static double[] newcombe(long x1, long n1, long x2, long n2) {
        double p1 = x1 / (double) n1;
        double p2 = x2 / (double) n2;
        double[] w1 = wilson(x1, n1);
        double[] w2 = wilson(x2, n2);
        double d = p1 - p2;
        double low = d - Math.sqrt(sq(p1 - w1[0]) + sq(w2[1] - p2));
        double high = d + Math.sqrt(sq(w1[1] - p1) + sq(p2 - w2[0]));
        return new double[] {Math.max(-1, low), Math.min(1, high)};
    }

    /** Two-sided p-value of a standard normal statistic. */
    static double normalP(double z) {
        return 2 * NORMAL.cumulativeProbability(-Math.abs(z));
    }

    /** Two-sided p-value of a t statistic. */
    static double tP(double t, double df) {
        return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    }

    /** The 97.5% quantile of Student's t. */
    static double t975(double df) {
        return new TDistribution(null, df).inverseCumulativeProbability(0.975);
    }

    static double sq(double v) {
        return v * v;
    }
}
