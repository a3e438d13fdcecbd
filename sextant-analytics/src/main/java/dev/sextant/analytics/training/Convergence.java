package dev.sextant.analytics.training;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Convergence of a loss series, from its tail (the last {@code tailFraction} of the positive,
 * finite values, at least three). A least-squares line through {@code ln(loss)} against the
 * evaluation index gives slope {@code b}; the rate is {@code -b}, the fraction by which the loss
 * shrinks per evaluation (for small b). The fitted relative improvement across the tail is
 * {@code 1 - exp(b * (last - first index))}. The loss has converged when that improvement is
 * below {@code threshold}; it diverges when the fitted loss grows by more than {@code threshold}.
 * Non-positive and non-finite values are skipped (no logarithm).
 */
public final class Convergence {

    public static final double DEFAULT_TAIL_FRACTION = 0.2;
    public static final double DEFAULT_THRESHOLD = 0.01;
    static final int MIN_POINTS = 3;

    private Convergence() {}

    public static ConvergenceResult analyze(double[] loss) {
        return analyze(loss, DEFAULT_TAIL_FRACTION, DEFAULT_THRESHOLD);
    }

    public static ConvergenceResult analyze(double[] loss, double tailFraction, double threshold) {
        if (!(tailFraction > 0 && tailFraction <= 1)) {
            throw new IllegalArgumentException("tailFraction must be in (0, 1], was " + tailFraction);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and > 0, was " + threshold);
        }
        int[] kept = new int[loss.length];
        int n = 0;
        for (int i = 0; i < loss.length; i++) {
            if (Double.isFinite(loss[i]) && loss[i] > 0) {
                kept[n++] = i;
            }
        }
        if (n < MIN_POINTS) {
            return new ConvergenceResult(false, false, Double.NaN, Double.NaN, n);
        }
        int tail = Math.max(MIN_POINTS, (int) Math.ceil(n * tailFraction));
        SimpleRegression fit = new SimpleRegression();
        for (int k = n - tail; k < n; k++) {
            fit.addData(kept[k], Math.log(loss[kept[k]]));
        }
        double slope = fit.getSlope();
        double span = kept[n - 1] - kept[n - tail];
        double improvement = 1 - Math.exp(slope * span);
        boolean converged = Math.abs(improvement) < threshold;
        boolean diverging = improvement < -threshold;
        return new ConvergenceResult(converged, diverging, -slope, improvement, tail);
    }
}
