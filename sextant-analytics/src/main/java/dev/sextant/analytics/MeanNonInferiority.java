package dev.sextant.analytics;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Two independent samples of a score (e.g. ratings), the first (the candidate) against the second:
 * <ul>
 *   <li>{@code difference} of the means with a 95% Welch confidence interval (Welch–Satterthwaite
 *       degrees of freedom, Commons Math {@link TDistribution});
 *   <li>{@code pValue}: Mann–Whitney U two-sided (Commons Math {@link MannWhitneyUTest}: normal
 *       approximation without tie or continuity correction, which is conservative for ratings
 *       with many ties), a rank test that needs no normality;
 *   <li>{@code nonInferiorityPValue}: one-sided Welch t-test of H0: mean1 − mean2 ≤ −margin;
 *   <li>{@code power}: normal approximation of that test's power if the means were equal.
 * </ul>
 * Each sample needs at least two values (a variance).
 */
public record MeanNonInferiority(long n1, double mean1, long n2, double mean2, double difference, double ciLow,
        double ciHigh, double pValue, double margin, double nonInferiorityPValue, double power) {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    public static MeanNonInferiority of(double[] x, double[] y, double margin, double alpha) {
        if (x.length < 2 || y.length < 2) {
            throw new IllegalArgumentException("each sample needs at least 2 values, had " + x.length + " and "
                    + y.length);
        }
        if (!(margin > 0) || !(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("margin must be positive and alpha in (0, 0.5), was " + margin + ", "
                    + alpha);
        }
        double m1 = StatUtils.mean(x);
        double m2 = StatUtils.mean(y);
        double v1 = StatUtils.variance(x, m1) / x.length;
        double v2 = StatUtils.variance(y, m2) / y.length;
        double se = Math.sqrt(v1 + v2);
        double d = m1 - m2;
        double u = new MannWhitneyUTest().mannWhitneyUTest(x, y);
        double zAlpha = NORMAL.inverseCumulativeProbability(1 - alpha);
        if (se == 0) {
            // both samples constant: the difference is known exactly
            return new MeanNonInferiority(x.length, m1, y.length, m2, d, d, d, Double.isNaN(u) ? 1.0 : u, margin,
                    d > -margin ? 0.0 : 1.0, 1.0);
        }
        double df = (v1 + v2) * (v1 + v2)
                / (v1 * v1 / (x.length - 1) + v2 * v2 / (y.length - 1));
        TDistribution t = new TDistribution(null, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        double half = t.inverseCumulativeProbability(0.975) * se;
        double niP = 1 - t.cumulativeProbability((d + margin) / se);
        double power = NORMAL.cumulativeProbability(margin / se - zAlpha);
        return new MeanNonInferiority(x.length, m1, y.length, m2, d, d - half, d + half, u, margin, niP, power);
    }
}
