package dev.sextant.analytics.training;

/**
 * The two curve families fitted to a loss series, each with three parameters {@code a, b, c}
 * ({@code c > 0}) over the raw step {@code s}:
 * <ul>
 *   <li>{@link #POWER_LAW}: {@code L(s) = a + b (s + 1)^(-c)} (the {@code + 1} lets step 0 take part);</li>
 *   <li>{@link #EXPONENTIAL}: {@code L(s) = a + b exp(-c s)}.</li>
 * </ul>
 * {@code a} is the asymptote, {@code b > 0} a falling curve, {@code b < 0} a rising one.
 *
 * <p>For the optimizer the step is rescaled to {@code x = (s + 1) / S} (power law) or
 * {@code x = s / S} (exponential) with {@code S} the target step plus one, so that {@code c} and
 * {@code b} stay of order one, and {@code c} is searched as {@code exp(theta)} so it stays positive.
 * {@link #toRaw} turns the scaled parameters back into the raw-step ones above.
 */
public enum LearningCurveModel {
    POWER_LAW,
    EXPONENTIAL;

    /** Scaled abscissa of a step. */
    double x(double step, double scale) {
        return this == POWER_LAW ? (step + 1) / scale : step / scale;
    }

    /** The shape term {@code g(x, c)}: {@code x^-c} or {@code exp(-c x)}. */
    double shape(double x, double c) {
        return this == POWER_LAW ? Math.pow(x, -c) : Math.exp(-c * x);
    }

    /** {@code d g / d c}. */
    double shapeByC(double x, double c) {
        return this == POWER_LAW ? -Math.log(x) * Math.pow(x, -c) : -x * Math.exp(-c * x);
    }

    /** The value at scaled {@code x} for scaled parameters {@code (a, b, theta)}, {@code c = exp(theta)}. */
    double value(double x, double[] scaled) {
        return scaled[0] + scaled[1] * shape(x, Math.exp(scaled[2]));
    }

    /** Scaled {@code (a, b, theta)} to raw-step {@code (a, b, c)}. */
    double[] toRaw(double[] scaled, double scale) {
        double c = Math.exp(scaled[2]);
        return this == POWER_LAW
                ? new double[] {scaled[0], scaled[1] * Math.pow(scale, c), c}
                : new double[] {scaled[0], scaled[1], c / scale};
    }

    /** The raw-parameter curve at a raw step. */
    public double valueAt(double step, double a, double b, double c) {
        return this == POWER_LAW ? a + b * Math.pow(step + 1, -c) : a + b * Math.exp(-c * step);
    }
}
