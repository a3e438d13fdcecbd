package dev.sextant.analytics;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of a 2×2 table, two-sided: the probability, under the hypergeometric
 * distribution of the first cell given the margins (Commons Math
 * {@link HypergeometricDistribution}), of every table at most as probable as the observed one.
 * Exact at any sample size, so it needs no "expected count at least 5" rule; the sum runs over
 * the first cell's support, at most min(row, column) + 1 terms.
 */
public final class FisherExactTest {
    /** Tables whose probability is within this relative distance of the observed one count as equal (R uses 1e-7). */
    private static final double RELATIVE_ERROR = 1e-7;

    private FisherExactTest() {
    }

    /**
     * Two-sided p-value of the table {@code [[a, b], [c, d]]}: rows are the two groups,
     * columns outcome yes / no.
     */
    public static double twoSided(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("cell counts must not be negative: " + a + ", " + b + ", " + c + ", " + d);
        }
        long n = a + b + c + d;
        if (n == 0) {
            return 1.0;
        }
        int population = Math.toIntExact(n);
        int successes = Math.toIntExact(a + c);
        int sample = Math.toIntExact(a + b);
        HypergeometricDistribution h = new HypergeometricDistribution(null, population, successes, sample);
        double observed = h.logProbability((int) a);
        double p = 0;
        for (int k = h.getSupportLowerBound(); k <= h.getSupportUpperBound(); k++) {
            double log = h.logProbability(k);
            if (log <= observed + Math.log1p(RELATIVE_ERROR)) {
                p += Math.exp(log);
            }
        }
        return Math.min(1.0, p);
    }
}
