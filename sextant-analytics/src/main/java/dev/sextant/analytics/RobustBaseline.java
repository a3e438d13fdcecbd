package dev.sextant.analytics;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The centre and spread of a baseline that a few outliers cannot move: the median, the median
 * absolute deviation (MAD) from it, and the MAD scaled by 1.4826 so that it estimates the
 * standard deviation of normally distributed data (1 / Φ⁻¹(3/4)). The robust z-score of a value
 * is its distance from the median in those units (Iglewicz and Hoaglin, 1993; Leys et al., 2013).
 */
public record RobustBaseline(double median, double mad, double scale, int size) {

    /** 1 / Φ⁻¹(0.75): makes the MAD a consistent estimator of σ for normal data. */
    public static final double NORMAL_CONSISTENCY = 1.4826;

    /** The baseline of at least one value (NaN and infinities refused). */
    public static RobustBaseline of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a baseline needs at least one value");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("baseline values must be finite, was " + v);
            }
        }
        double median = median(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        double mad = median(deviations);
        return new RobustBaseline(median, mad, NORMAL_CONSISTENCY * mad, values.length);
    }

    /** The median; for an even count the mean of the two middle values. */
    static double median(double[] values) {
        return new Median().evaluate(values);
    }

    /** Whether the baseline has a spread to measure against (a constant baseline has none). */
    public boolean varies() {
        return scale > 0;
    }

    /** {@code (x - median) / scale}; only defined when the baseline {@link #varies()}. */
    public double z(double x) {
        if (!varies()) {
            throw new IllegalStateException("the baseline does not vary (MAD 0): no z-score");
        }
        return (x - median) / scale;
    }
}
