package dev.sextant.analytics.training;

import dev.sextant.analytics.training.LearningCurve.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.WeightedObservedPoint;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Fits both {@link LearningCurveModel} families to a loss series by Levenberg-Marquardt least
 * squares and keeps the one with the smaller residual sum of squares (both have three parameters,
 * so this is also the smaller AIC). Start values: for a few asymptote guesses {@code a0} below the
 * smallest value (above the largest for a rising series) by 1%, 10%, 50% and 200% of the range,
 * {@code ln |y - a0|} is regressed on {@code ln x} (power law) or {@code x} (exponential) for
 * {@code b} and {@code c}; the best converged start wins.
 *
 * <p>Interval: residual bootstrap with a fixed seed. The centred residuals of the chosen fit,
 * inflated by {@code sqrt(n / (n - 3))}, are resampled with replacement onto the fitted values,
 * the same model is refitted from the fitted parameters, and the {@code (1 -/+ level) / 2}
 * percentiles of the {@link #BOOTSTRAP_SAMPLES} refitted values at the target step bound the
 * prediction. This is an interval for the curve's value (the expected loss at that step), not for
 * one noisy measurement of it, and it assumes the chosen family is right. If fewer than half of
 * the refits converge there is no interval (null bounds, and the reason says so).
 *
 * <p>Values are fitted as {@code (y - min) / range}, so the fit does not depend on the loss's
 * units; parameters, RMSE and the prediction are reported back in the loss's own units. Beyond
 * {@link #MAX_POINTS} points the series is thinned to that many points at evenly spaced ranks
 * before fitting and bootstrapping, which bounds the cost (group means would bias the steep start
 * of a curve); the interval then reflects only the points kept, so it is wider, not narrower.
 *
 * <p>Refusals: fewer than {@link #MIN_POINTS} finite points (three parameters need three degrees
 * of freedom beyond them); all finite values equal (flat: the value itself is predicted);
 * non-finite values are dropped and counted, never fitted.
 */
public final class LearningCurveFitter {
    public static final int MIN_POINTS = 6;
    public static final int MAX_POINTS = 500;
    public static final int BOOTSTRAP_SAMPLES = 200;
    public static final double DEFAULT_LEVEL = 0.95;
    public static final long SEED = 0x5EC7A27L;
    private static final double[] ASYMPTOTE_OFFSETS = {0.01, 0.1, 0.5, 2.0};

    private LearningCurveFitter() {
    }

    public static LearningCurve fit(List<LearningCurvePoint> points, long targetStep) {
        return fit(points, targetStep, DEFAULT_LEVEL);
    }

    public static LearningCurve fit(List<LearningCurvePoint> points, long targetStep, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be between 0 and 1, was " + level);
        }
        if (targetStep < 1) {
            throw new IllegalArgumentException("target step must be at least 1, was " + targetStep);
        }
        List<LearningCurvePoint> finite = new ArrayList<>();
        for (LearningCurvePoint p : points) {
            if (p.step() < 0) {
                throw new IllegalArgumentException("step must not be negative, was " + p.step());
            }
            if (Double.isFinite(p.value())) {
                finite.add(p);
            }
        }
        int n = finite.size();
        int dropped = points.size() - n;
        if (n < MIN_POINTS) {
            return LearningCurve.refused(Status.INSUFFICIENT_DATA, "insufficient data: " + n
                    + " finite point(s), at least " + MIN_POINTS + " are needed to fit a three-parameter curve"
                    + (dropped > 0 ? " (" + dropped + " NaN/infinite dropped)" : ""), n, dropped, targetStep, level);
        }
        double min = finite.stream().mapToDouble(LearningCurvePoint::value).min().orElseThrow();
        double max = finite.stream().mapToDouble(LearningCurvePoint::value).max().orElseThrow();
        double range = max - min;
        if (range <= 1e-12 * Math.max(Math.abs(min), Math.abs(max))) {
            return new LearningCurve(Status.FLAT, "flat: all " + n + " finite values equal " + max, null, null, null,
                    null, 0.0, null, n, dropped, targetStep, level, max, max, max);
        }
        if (!Double.isFinite(range)) {
            return LearningCurve.refused(Status.FIT_FAILED, "values span more than a double can hold", n, dropped,
                    targetStep, level);
        }
        double[][] sy = thin(finite, min, range);
        double scale = Math.max(targetStep, finite.stream().mapToLong(LearningCurvePoint::step).max().orElseThrow())
                + 1.0;
        Fit best = null;
        Fit rival = null;
        for (LearningCurveModel model : LearningCurveModel.values()) {
            Fit f = bestStart(model, sy[0], sy[1], scale);
            if (f == null) {
                continue;
            }
            if (best == null || f.rss < best.rss) {
                rival = best;
                best = f;
            } else {
                rival = f;
            }
        }
        if (best == null) {
            return LearningCurve.refused(Status.FIT_FAILED, "neither a power law nor an exponential curve converged",
                    n, dropped, targetStep, level);
        }
        int m = sy[0].length;
        double targetX = best.model.x(targetStep, scale);
        double predicted = best.model.value(targetX, best.params);
        double[] interval = bootstrap(best, sy[0], sy[1], scale, targetX, level);
        double[] raw = best.model.toRaw(best.params, scale);
        String reason = interval == null ? "no interval: fewer than half of the " + BOOTSTRAP_SAMPLES
                + " bootstrap refits converged" : null;
        Double lower = interval == null ? null : min + range * Math.min(interval[0], predicted);
        Double upper = interval == null ? null : min + range * Math.max(interval[1], predicted);
        return new LearningCurve(Status.FITTED, reason, best.model, min + range * raw[0], range * raw[1], raw[2],
                range * Math.sqrt(best.rss / m), rival == null ? null : range * Math.sqrt(rival.rss / m), n, dropped,
                targetStep, level, min + range * predicted, lower, upper);
    }

    /**
     * Steps and values {@code (y - min) / range} sorted by step; above {@link #MAX_POINTS} points,
     * that many at evenly spaced ranks (first and last included).
     */
    private static double[][] thin(List<LearningCurvePoint> finite, double min, double range) {
        List<LearningCurvePoint> sorted = new ArrayList<>(finite);
        sorted.sort((p, q) -> Long.compare(p.step(), q.step()));
        int n = sorted.size();
        int m = Math.min(n, MAX_POINTS);
        double[] steps = new double[m];
        double[] values = new double[m];
        for (int g = 0; g < m; g++) {
            LearningCurvePoint p = sorted.get(m == n ? g : (int) ((long) g * (n - 1) / (m - 1)));
            steps[g] = p.step();
            values[g] = (p.value() - min) / range;
        }
        return new double[][] {steps, values};
    }

    private record Fit(LearningCurveModel model, double[] params, double rss) {
    }

    private static Fit bestStart(LearningCurveModel model, double[] steps, double[] values, double scale) {
        int k = Math.max(1, values.length / 3);
        double first = 0;
        double last = 0;
        for (int i = 0; i < k; i++) {
            first += values[i];
            last += values[values.length - 1 - i];
        }
        boolean rising = first < last;
        Fit best = null;
        for (double offset : ASYMPTOTE_OFFSETS) {
            // values are normalized to [0, 1]
            double a0 = rising ? 1 + offset : -offset;
            Fit f = fitFrom(model, steps, values, scale, start(model, steps, values, scale, a0, rising));
            if (f != null && (best == null || f.rss < best.rss)) {
                best = f;
            }
        }
        return best;
    }

    private static double[] start(LearningCurveModel model, double[] steps, double[] values, double scale, double a0,
            boolean rising) {
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < steps.length; i++) {
            double x = model.x(steps[i], scale);
            double gap = rising ? a0 - values[i] : values[i] - a0;
            r.addData(model == LearningCurveModel.POWER_LAW ? Math.log(x) : x, Math.log(gap));
        }
        double c = -r.getSlope();
        if (!(c > 0) || !Double.isFinite(c)) {
            c = 1;
        }
        double b = Math.exp(r.getIntercept());
        if (!Double.isFinite(b)) {
            b = 1;
        }
        double theta = Math.max(LearningCurveModelFitter.MIN_THETA, Math.min(LearningCurveModelFitter.MAX_THETA,
                Math.log(c)));
        return new double[] {a0, rising ? -b : b, theta};
    }

    private static Fit fitFrom(LearningCurveModel model, double[] steps, double[] values, double scale,
            double[] start) {
        List<WeightedObservedPoint> obs = new ArrayList<>(steps.length);
        for (int i = 0; i < steps.length; i++) {
            obs.add(new WeightedObservedPoint(1, model.x(steps[i], scale), values[i]));
        }
        return fitObserved(model, obs, start);
    }

    private static Fit fitObserved(LearningCurveModel model, List<WeightedObservedPoint> obs, double[] start) {
        double[] params;
        try {
            params = new LearningCurveModelFitter(model, start).fit(obs);
        } catch (MathIllegalStateException | IllegalArgumentException e) {
            return null;
        }
        double rss = 0;
        for (WeightedObservedPoint o : obs) {
            double e = o.getY() - model.value(o.getX(), params);
            rss += e * e;
        }
        return Double.isFinite(rss) && Arrays.stream(params).allMatch(Double::isFinite)
                ? new Fit(model, params, rss) : null;
    }

    private static double[] bootstrap(Fit fit, double[] steps, double[] values, double scale, double targetX,
            double level) {
        int n = steps.length;
        double[] xs = new double[n];
        double[] fitted = new double[n];
        double[] residuals = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            xs[i] = fit.model.x(steps[i], scale);
            fitted[i] = fit.model.value(xs[i], fit.params);
            residuals[i] = values[i] - fitted[i];
            mean += residuals[i] / n;
        }
        double inflate = Math.sqrt((double) n / (n - 3));
        for (int i = 0; i < n; i++) {
            residuals[i] = (residuals[i] - mean) * inflate;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] predictions = new double[BOOTSTRAP_SAMPLES];
        int ok = 0;
        for (int b = 0; b < BOOTSTRAP_SAMPLES; b++) {
            List<WeightedObservedPoint> obs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                obs.add(new WeightedObservedPoint(1, xs[i], fitted[i] + residuals[random.nextInt(n)]));
            }
            Fit refit = fitObserved(fit.model, obs, fit.params);
            if (refit != null) {
                predictions[ok++] = fit.model.value(targetX, refit.params);
            }
        }
        if (ok < BOOTSTRAP_SAMPLES / 2) {
            return null;
        }
        double[] sample = Arrays.copyOf(predictions, ok);
        Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
        double tail = (1 - level) / 2 * 100;
        return new double[] {p.evaluate(sample, tail), p.evaluate(sample, 100 - tail)};
    }
}
