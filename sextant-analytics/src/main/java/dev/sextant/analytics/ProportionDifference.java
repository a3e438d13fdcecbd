package dev.sextant.analytics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two independent proportions, the first (the candidate) against the second (the reference):
 * <ul>
 *   <li>{@code difference} = p1 − p2 with a 95% confidence interval by Newcombe's hybrid score
 *       method (Newcombe 1998, method 10: from the two Wilson score intervals), which keeps its
 *       coverage near 0 and 1 where the Wald interval fails;
 *   <li>{@code pValue}: Fisher's exact two-sided test of no difference ({@link FisherExactTest});
 *   <li>{@code nonInferiorityPValue}: one-sided z-test that the candidate is not worse by
 *       {@code margin} or more (H0: p1 − p2 ≤ −margin when higher is better, ≥ margin when lower
 *       is better), with the Agresti–Caffo standard error (one success and one failure added to
 *       each group), which stays defined at 0% and 100%;
 *   <li>{@code power}: the chance that test rejects at level {@code alpha} if the true rates were
 *       equal at the observed ones, and {@code neededPerGroup}: the sample per group for 80%.
 * </ul>
 */
public record ProportionDifference(long successes1, long n1, long successes2, long n2, double difference,
        double ciLow, double ciHigh, double pValue, double margin, double nonInferiorityPValue, double power,
        long neededPerGroup) {

    static final double Z_95 = 1.959963984540054;
    static final double TARGET_POWER = 0.8;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    public static ProportionDifference of(long x1, long n1, long x2, long n2, double margin, boolean higherIsBetter,
            double alpha) {
        if (n1 < 1 || n2 < 1 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n >= 1, was " + x1 + "/" + n1 + " and "
                    + x2 + "/" + n2);
        }
        if (!(margin > 0 && margin < 1) || !(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("margin must be in (0, 1) and alpha in (0, 0.5), was " + margin + ", "
                    + alpha);
        }
        double p1 = x1 / (double) n1;
        double p2 = x2 / (double) n2;
        double[] w1 = wilson(x1, n1);
        double[] w2 = wilson(x2, n2);
        double d = p1 - p2;
        double low = d - Math.sqrt(sq(p1 - w1[0]) + sq(w2[1] - p2));
        double high = d + Math.sqrt(sq(w1[1] - p1) + sq(p2 - w2[0]));
        double a1 = (x1 + 1) / (n1 + 2.0);
        double a2 = (x2 + 1) / (n2 + 2.0);
        double se = Math.sqrt(a1 * (1 - a1) / (n1 + 2) + a2 * (1 - a2) / (n2 + 2));
        double shifted = higherIsBetter ? (a1 - a2 + margin) / se : (margin - (a1 - a2)) / se;
        double niP = 1 - NORMAL.cumulativeProbability(shifted);
        double zAlpha = NORMAL.inverseCumulativeProbability(1 - alpha);
        double power = NORMAL.cumulativeProbability(margin / se - zAlpha);
        double zPower = NORMAL.inverseCumulativeProbability(TARGET_POWER);
        double spread = a1 * (1 - a1) + a2 * (1 - a2);
        long needed = (long) Math.ceil(sq(zAlpha + zPower) * spread / sq(margin));
        return new ProportionDifference(x1, n1, x2, n2, d, low, high, FisherExactTest.twoSided(x1, n1 - x1, x2, n2 - x2),
                margin, niP, power, needed);
    }

    /** Wilson's score interval (95%) for x of n: {low, high}. */
    public static double[] wilson(long x, long n) {
        double p = x / (double) n;
        double z2 = Z_95 * Z_95;
        double centre = (2 * n * p + z2) / (2 * (n + z2));
        double half = Z_95 * Math.sqrt(z2 + 4 * n * p * (1 - p)) / (2 * (n + z2));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double sq(double v) {
        return v * v;
    }
}
