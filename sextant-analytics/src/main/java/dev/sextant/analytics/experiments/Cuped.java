package dev.sextant.analytics.experiments;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * CUPED (Deng, Xu, Kohavi and Walker, "Improving the sensitivity of online controlled experiments by
 * utilizing pre-experiment data", WSDM 2013): variance reduction of a metric Y by a covariate X
 * measured before the experiment (the same unit's metric in the weeks before), so the same
 * experiment detects smaller effects, or the same effect sooner.
 *
 * <p>θ = cov(Y, X) / var(X) over all units of both variants pooled (X is independent of the
 * assignment, so pooling keeps the estimate unbiased); each unit's adjusted value is
 * Y − θ·(X − X̄) with X̄ the pooled mean of X. The adjusted means differ from the raw means only by
 * θ times the chance imbalance of X between the variants; their difference estimates the same effect
 * with variance reduced by the factor 1 − ρ², ρ the correlation of X and Y. Units without
 * pre-experiment data cannot be adjusted: callers pass only units that have X, or fall back to the
 * raw comparison.
 */
public final class Cuped {
    /** The fewest units per variant: θ from fewer is too noisy to reduce anything. */
    public static final int MIN_SAMPLES = 10;

    /**
     * The adjustment: θ, raw and adjusted means and sample variances per variant, the adjusted
     * difference (B − A) with its standard error and the raw one's, and the variance reduction
     * ratio var(adjusted Y) / var(Y) over all units (≈ 1 − ρ²; smaller is better).
     */
    public record Result(double theta, long nA, long nB, double meanA, double meanB, double adjustedMeanA,
            double adjustedMeanB, double adjustedVarianceA, double adjustedVarianceB, double difference,
            double standardError, double rawDifference, double rawStandardError, double varianceRatio) {
    }

    private Cuped() {
    }

    /**
     * The CUPED adjustment of variants A and B from each unit's metric y and pre-experiment covariate
     * x (arrays of equal length per variant).
     *
     * @throws IllegalArgumentException when lengths differ, a value is not finite, a variant has
     *     fewer than {@link #MIN_SAMPLES} units, or X does not vary (θ undefined)
     */
    public static Result adjust(double[] yA, double[] xA, double[] yB, double[] xB) {
        check("A", yA, xA);
        check("B", yB, xB);
        int nA = yA.length;
        int nB = yB.length;
        double[] y = concat(yA, yB);
        double[] x = concat(xA, xB);
        double varX = StatUtils.variance(x);
        if (!(varX > 0)) {
            throw new IllegalArgumentException("the pre-experiment covariate does not vary: nothing to adjust with");
        }
        double theta = new Covariance().covariance(y, x) / varX;
        double meanX = StatUtils.mean(x);
        double[] adjA = adjusted(yA, xA, theta, meanX);
        double[] adjB = adjusted(yB, xB, theta, meanX);
        double vA = StatUtils.variance(adjA);
        double vB = StatUtils.variance(adjB);
        double rawVA = StatUtils.variance(yA);
        double rawVB = StatUtils.variance(yB);
        double varY = StatUtils.variance(y);
        double ratio = varY > 0 ? StatUtils.variance(concat(adjA, adjB)) / varY : 1;
        double meanA = StatUtils.mean(yA);
        double meanB = StatUtils.mean(yB);
        double adjMeanA = StatUtils.mean(adjA);
        double adjMeanB = StatUtils.mean(adjB);
        return new Result(theta, nA, nB, meanA, meanB, adjMeanA, adjMeanB, vA, vB, adjMeanB - adjMeanA,
                Math.sqrt(vA / nA + vB / nB), meanB - meanA, Math.sqrt(rawVA / nA + rawVB / nB), ratio);
    }

    private static double[] adjusted(double[] y, double[] x, double theta, double meanX) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] - theta * (x[i] - meanX);
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void check(String variant, double[] y, double[] x) {
        if (y == null || x == null || y.length != x.length) {
            throw new IllegalArgumentException("variant " + variant + ": every unit needs both its metric and its "
                    + "pre-experiment value (lengths differ)");
        }
        if (y.length < MIN_SAMPLES) {
            throw new IllegalArgumentException("variant " + variant + ": needs at least " + MIN_SAMPLES
                    + " units, had " + y.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i]) || !Double.isFinite(x[i])) {
                throw new IllegalArgumentException("variant " + variant + ": unit " + i + " has a value that is not a finite number");
            }
        }
    }
}
