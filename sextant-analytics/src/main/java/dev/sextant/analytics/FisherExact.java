package dev.sextant.analytics;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of a 2 x 2 table, two-sided: with the margins fixed the top-left count is
 * hypergeometric (Commons Math {@link HypergeometricDistribution}); the p-value sums the
 * probabilities of every table no more likely than the one observed (as R's {@code fisher.test}
 * does, with the same relative tolerance of 1e-7 for ties).
 */
final class FisherExact {
    private static final double TIES = 1 + 1e-7;

    private FisherExact() {
    }

    static double twoSidedP(long[][] table) {
        long a = table[0][0];
        long n = table[0][0] + table[0][1] + table[1][0] + table[1][1];
        long row = table[0][0] + table[0][1];
        long column = table[0][0] + table[1][0];
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Fisher's exact test takes at most " + Integer.MAX_VALUE
                    + " observations, had " + n);
        }
        HypergeometricDistribution h = new HypergeometricDistribution(null, (int) n, (int) column, (int) row);
        double observed = h.probability((int) a);
        double p = 0;
        for (int k = h.getSupportLowerBound(); k <= h.getSupportUpperBound(); k++) {
            double pk = h.probability(k);
            if (pk <= observed * TIES) {
                p += pk;
            }
        }
        return Math.min(1.0, p);
    }
}
