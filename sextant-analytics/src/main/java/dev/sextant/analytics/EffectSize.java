package dev.sextant.analytics;

/** Scale-free sizes of a difference, so that findings of different kinds can be ranked together. */
public final class EffectSize {
    private EffectSize() {
    }

    /** Cohen's h between two proportions: |2 asin sqrt(p1) - 2 asin sqrt(p2)|, 0 to pi. */
    public static double cohensH(double p1, double p2) {
        check(p1);
        check(p2);
        return Math.abs(2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)));
    }

    /** Cohen's d with the two variances averaged: |m1 - m2| / sqrt((v1 + v2) / 2); 0 when both are 0 and the means equal. */
    public static double cohensD(double mean1, double variance1, double mean2, double variance2) {
        double sd = Math.sqrt((variance1 + variance2) / 2);
        double diff = Math.abs(mean1 - mean2);
        if (sd == 0) {
            return diff == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return diff / sd;
    }

    private static void check(double p) {
        if (Double.isNaN(p) || p < 0 || p > 1) {
            throw new IllegalArgumentException("a proportion must be between 0 and 1, was " + p);
        }
    }
}
