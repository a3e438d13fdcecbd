package dev.sextant.analytics.models;

import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A daily series' least-squares slope (Commons Math {@link SimpleRegression}, unweighted: each
 * day one point, x = days since the deployment day), as a rate per week with its 95% confidence
 * interval (Student's t on n − 2 degrees of freedom). Direction: {@code improving} when the whole
 * interval is above 0 (below 0 for a measure where lower is better), {@code degrading} the other
 * way, {@code stable} when it covers 0, {@code insufficient_data} with fewer than
 * {@link #MIN_DAYS} days.
 */
public record Trend(int days, Double perWeek, Double ciLow, Double ciHigh, Direction direction) {
    public static final int MIN_DAYS = 3;

    public enum Direction {
        IMPROVING, DEGRADING, STABLE, INSUFFICIENT_DATA;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code x} days since deployment and the day's value, higher being better. */
    public static Trend of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
        if (x.length < MIN_DAYS) {
            return new Trend(x.length, null, null, null, Direction.INSUFFICIENT_DATA);
        }
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            r.addData(x[i], y[i]);
        }
        double slope = r.getSlope() * 7;
        double half = r.getSlopeConfidenceInterval(0.05) * 7;
        if (!Double.isFinite(half)) {
            half = 0; // a perfect fit (every residual 0): the slope is exact
        }
        double low = slope - half;
        double high = slope + half;
        Direction d = low > 0 ? Direction.IMPROVING : high < 0 ? Direction.DEGRADING : Direction.STABLE;
        return new Trend(x.length, slope, low, high, d);
    }
}
