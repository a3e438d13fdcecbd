package dev.sextant.analytics.training;

import dev.sextant.analytics.RobustBaseline;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Stability of a run. Loss noise: the finite losses are smoothed with a centred moving average
 * of {@code window} values (shrunk symmetrically near the ends, so a straight line has no
 * noise and the first and last values are their own smoothing), and the noise is the standard deviation of the
 * residuals (loss - smoothed), also given relative to the mean smoothed loss. Gradient spikes:
 * gradient norms whose robust z-score (median and MAD, see {@link RobustBaseline}) exceeds
 * {@code spikeZ}, 3.5 by default (Iglewicz and Hoaglin). NaN and infinite values of both series
 * are counted and otherwise left out.
 */
public final class Stability {

    public static final int DEFAULT_WINDOW = 5;
    public static final double DEFAULT_SPIKE_Z = 3.5;

    private Stability() {}

    public static StabilityResult analyze(double[] loss, double[] gradientNorm) {
        return analyze(loss, gradientNorm, DEFAULT_WINDOW, DEFAULT_SPIKE_Z);
    }

    public static StabilityResult analyze(double[] loss, double[] gradientNorm, int window, double spikeZ) {
        if (window < 1 || window % 2 == 0) {
            throw new IllegalArgumentException("the smoothing window must be odd and positive, was " + window);
        }
        if (!(spikeZ > 0) || Double.isInfinite(spikeZ)) {
            throw new IllegalArgumentException("spikeZ must be finite and > 0, was " + spikeZ);
        }
        int nan = countNaN(loss) + countNaN(gradientNorm);
        int inf = countInfinite(loss) + countInfinite(gradientNorm);
        double[] finite = finite(loss);
        double noise = Double.NaN;
        double relativeNoise = Double.NaN;
        if (finite.length >= 2) {
            double[] residuals = new double[finite.length];
            double smoothedSum = 0;
            int half = window / 2;
            for (int i = 0; i < finite.length; i++) {
                int h = Math.min(half, Math.min(i, finite.length - 1 - i));
                int from = i - h;
                int to = i + h;
                double sum = 0;
                for (int j = from; j <= to; j++) {
                    sum += finite[j];
                }
                double smoothed = sum / (to - from + 1);
                smoothedSum += smoothed;
                residuals[i] = finite[i] - smoothed;
            }
            noise = new StandardDeviation().evaluate(residuals);
            double meanSmoothed = smoothedSum / finite.length;
            relativeNoise = meanSmoothed == 0 ? Double.NaN : noise / Math.abs(meanSmoothed);
        }
        List<Integer> spikes = new ArrayList<>();
        double[] grads = finite(gradientNorm);
        if (grads.length > 0) {
            RobustBaseline baseline = RobustBaseline.of(grads);
            if (baseline.varies()) {
                for (int i = 0; i < gradientNorm.length; i++) {
                    if (Double.isFinite(gradientNorm[i]) && baseline.z(gradientNorm[i]) > spikeZ) {
                        spikes.add(i);
                    }
                }
            }
        }
        return new StabilityResult(noise, relativeNoise, List.copyOf(spikes), nan, inf);
    }

    private static double[] finite(double[] values) {
        return java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    private static int countNaN(double[] values) {
        return (int) java.util.Arrays.stream(values).filter(Double::isNaN).count();
    }

    private static int countInfinite(double[] values) {
        return (int) java.util.Arrays.stream(values).filter(Double::isInfinite).count();
    }
}
