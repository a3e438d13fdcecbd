package dev.sextant.analytics;

import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Welch's t-test of two means from their summaries (size, mean, sample standard deviation), as
 * Commons Math {@link TTest} computes it (unequal variances, two-sided). Run only with at least
 * {@link #MIN_SAMPLES} values in each group, and when the values vary within the groups.
 */
public final class WelchTest {
    /** The fewest values per group for which the test is run: ratings are coarse, means of 2 or 3 are noise. */
    public static final int MIN_SAMPLES = 5;

    private WelchTest() {
    }

    public static MeanDifference compare(long nA, Double meanA, Double sdA, long nB, Double meanB, Double sdB) {
        if (nA < MIN_SAMPLES || nB < MIN_SAMPLES) {
            return insufficient(nA, nB, meanA, meanB, "insufficient data: needs at least " + MIN_SAMPLES
                    + " values on each side, had " + nA + " and " + nB);
        }
        double varA = sdA * sdA;
        double varB = sdB * sdB;
        if (varA + varB == 0) {
            return insufficient(nA, nB, meanA, meanB, "insufficient data: the values do not vary within either group");
        }
        StatisticalSummaryValues a = new StatisticalSummaryValues(meanA, varA, nA, Double.NaN, Double.NaN, meanA * nA);
        StatisticalSummaryValues b = new StatisticalSummaryValues(meanB, varB, nB, Double.NaN, Double.NaN, meanB * nB);
        TTest test = new TTest();
        double t = test.t(a, b);
        double p = test.tTest(a, b);
        double ua = varA / nA;
        double ub = varB / nB;
        double df = (ua + ub) * (ua + ub) / (ua * ua / (nA - 1) + ub * ub / (nB - 1));
        boolean significant = p < IndependenceTest.ALPHA;
        return new MeanDifference(Association.Status.TESTED, nA, nB, meanA, meanB, meanA - meanB, t, df, p, significant,
                String.format(Locale.ROOT, "%s: Welch's t = %.4f with %.1f degrees of freedom, p = %.4g %s %.2f",
                        significant ? "different" : "no significant difference", t, df, p, significant ? "<" : ">=",
                        IndependenceTest.ALPHA));
    }

    private static MeanDifference insufficient(long nA, long nB, Double meanA, Double meanB, String reason) {
        return new MeanDifference(Association.Status.INSUFFICIENT_DATA, nA, nB, meanA, meanB,
                meanA == null || meanB == null ? null : meanA - meanB, null, null, null, null, reason);
    }
}
