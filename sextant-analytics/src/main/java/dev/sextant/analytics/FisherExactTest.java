package dev.sextant.analytics;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of a 2x2 table {@code [[a, b], [c, d]]} (rows: the two groups; columns:
 * event, no event), two-sided: the sum of the hypergeometric probabilities (Commons Math
 * {@link HypergeometricDistribution}, margins fixed) of every table no more likely than the one
 * observed, with a relative tolerance of 1e-7 for ties in probability (as R's {@code fisher.test}).
 */
public final class FisherExactTest {
    private static final double RELATIVE_TOLERANCE = 1 + 1e-7;
    private static final double NEGLIGIBLE = 1e-17;

    private FisherExactTest() {
    }

    public static double twoSided(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("cells must not be negative: " + a + ", " + b + ", " + c + ", " + d);
        }
        long total = a + b + c + d;
        if (total == 0 || total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the table must hold between 1 and " + Integer.MAX_VALUE
                    + " observations, held " + total);
        }
        int events = (int) (a + c);
        int firstRow = (int) (a + b);
        HypergeometricDistribution h = new HypergeometricDistribution(null, (int) total, events, firstRow);
        double observed = h.probability((int) a) * RELATIVE_TOLERANCE;
        // The probabilities fall away from the mode on both sides, so the tables no more likely than
        // the observed one are the two tails: walk out from the mode and stop once a term is
        // negligible, instead of visiting every table of a large sample.
        int mode = (int) Math.floor((firstRow + 1.0) * (events + 1.0) / (total + 2.0));
        mode = Math.max(h.getSupportLowerBound(), Math.min(h.getSupportUpperBound(), mode));
        double p = 0;
        for (int x = mode; x >= h.getSupportLowerBound(); x--) {
            double px = h.probability(x);
            if (px <= observed) {
                p += px;
                if (px <= p * NEGLIGIBLE) {
                    break;
                }
            }
        }
        for (int x = mode + 1; x <= h.getSupportUpperBound(); x++) {
            double px = h.probability(x);
            if (px <= observed) {
                p += px;
                if (px <= p * NEGLIGIBLE) {
                    break;
                }
            }
        }
        return Math.min(1.0, p);
    }
}
