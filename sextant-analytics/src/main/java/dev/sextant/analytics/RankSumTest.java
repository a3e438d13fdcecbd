package dev.sextant.analytics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Mann-Whitney U test (Wilcoxon rank-sum) from the sum of one sample's ranks, so that the
 * ranking can be done in the database: U = R - n1(n1 + 1)/2, and the two-sided p-value of the
 * normal approximation with the tie correction of the variance,
 * Var(U) = n1 n2 / 12 * ((n + 1) - sum(t^3 - t) / (n (n - 1))), no continuity correction.
 * Without ties this is what Commons Math's {@code MannWhitneyUTest} answers for the same data.
 */
public final class RankSumTest {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** U of the first sample, its z-score and two-sided p-value; {@code effect} is the rank-biserial correlation. */
    public record Result(double u, double z, double pValue, double effect) {
    }

    private RankSumTest() {
    }

    /**
     * @param rankSum the sum of the first sample's ranks among both samples (ties averaged)
     * @param n1 the first sample's size
     * @param n2 the second sample's size
     * @param tieTerm sum over groups of tied values of t^3 - t (0 without ties)
     */
    public static Result of(double rankSum, long n1, long n2, double tieTerm) {
        if (n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("both samples need at least one value, had " + n1 + " and " + n2);
        }
        double n = n1 + n2;
        double u = rankSum - n1 * (n1 + 1) / 2.0;
        double product = (double) n1 * n2;
        double mean = product / 2;
        double variance = product / 12 * ((n + 1) - tieTerm / (n * (n - 1)));
        double effect = 2 * u / product - 1;
        if (variance <= 0) {
            // every value tied: no evidence of a difference
            return new Result(u, 0, 1, effect);
        }
        double z = (u - mean) / Math.sqrt(variance);
        double p = Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
        return new Result(u, z, p, effect);
    }
}
