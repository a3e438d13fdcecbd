package dev.sextant.analytics;

import dev.sextant.analytics.CostForecast.DayForecast;
import dev.sextant.analytics.CostForecast.Interval;
import dev.sextant.analytics.CostForecast.Method;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Forecasts a daily cost series {@code y_0 .. y_{n-1}} (day 0 = {@code firstDay}) for the
 * {@code horizon} days that follow it.
 *
 * <p>With at least {@link #MODEL_MIN_DAYS} days: ordinary least squares (Commons Math
 * {@link OLSMultipleLinearRegression}) of {@code y_t = b0 + b1 t + sum_d c_d [dow(t) = d] + e_t}
 * with six day-of-week dummies (Sunday is the baseline), so p = 8 parameters. With {@code X} the
 * design matrix, {@code C = (X'X)^-1}, {@code s^2 = RSS / (n - p)} and {@code q} the
 * {@code (1 + level) / 2} quantile of Student's t with {@code n - p} degrees of freedom, a future
 * day with design row {@code x} is predicted {@code x'b} with the interval
 * {@code x'b ± q s sqrt(1 + x'Cx)}; the sum over the horizon, with {@code a} the sum of the
 * horizon's rows, is {@code a'b ± q s sqrt(h + a'Ca)} (independent errors: the h new errors add
 * {@code h s^2}, the estimate adds {@code s^2 a'Ca}).
 *
 * <p>With {@link #MIN_DAYS} to {@code MODEL_MIN_DAYS - 1} days the model has too few degrees of
 * freedom to separate trend and weekday, and the fallback is the mean {@code m} with sample
 * standard deviation {@code s} ({@code q} with {@code n - 1} degrees of freedom): a day is
 * {@code m ± q s sqrt(1 + 1/n)}, the sum of h days {@code h m ± q s sqrt(h + h^2/n)}.
 * Below {@code MIN_DAYS}: no forecast.
 *
 * <p>Costs cannot be negative: every predicted value and bound is raised to 0 where it falls below.
 */
public final class CostForecaster {
    public static final int MODEL_MIN_DAYS = 14;
    public static final int MIN_DAYS = 3;
    public static final double DEFAULT_LEVEL = 0.95;
    private static final int PARAMETERS = 8;

    private CostForecaster() {
    }

    public static CostForecast forecast(LocalDate firstDay, double[] history, int horizon, double level) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1 day, was " + horizon);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be between 0 and 1, was " + level);
        }
        int n = history.length;
        if (n < MIN_DAYS) {
            return new CostForecast(Method.INSUFFICIENT_DATA, "insufficient data: " + n + " day(s) of history, at least "
                    + MIN_DAYS + " are needed for a forecast", n, level, List.of(), null, null, null, null);
        }
        if (n < MODEL_MIN_DAYS) {
            return mean(firstDay, history, horizon, level);
        }
        return trendWithWeekdays(firstDay, history, horizon, level);
    }

    private static CostForecast mean(LocalDate firstDay, double[] history, int horizon, double level) {
        int n = history.length;
        SummaryStatistics stats = new SummaryStatistics();
        for (double y : history) {
            stats.addValue(y);
        }
        double m = stats.getMean();
        double s = stats.getStandardDeviation();
        double q = quantile(n - 1, level);
        double dayHalf = q * s * Math.sqrt(1 + 1.0 / n);
        List<DayForecast> days = new ArrayList<>();
        for (int i = 0; i < horizon; i++) {
            days.add(day(firstDay.plusDays(n + i), m, dayHalf));
        }
        double h = horizon;
        Interval total = interval(h * m, q * s * Math.sqrt(h + h * h / n));
        return new CostForecast(Method.MEAN, "mean of " + n + " day(s): fewer than " + MODEL_MIN_DAYS
                + " days of history, too few to fit a trend with day-of-week effects (" + PARAMETERS + " parameters)",
                n, level, days, total, null, null, s);
    }

    private static CostForecast trendWithWeekdays(LocalDate firstDay, double[] history, int horizon, double level) {
        int n = history.length;
        double[][] x = new double[n][];
        for (int t = 0; t < n; t++) {
            x[t] = regressors(firstDay.plusDays(t), t);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(history, x);
        RealVector b = MatrixUtils.createRealVector(ols.estimateRegressionParameters());
        RealMatrix c = MatrixUtils.createRealMatrix(ols.estimateRegressionParametersVariance());
        double s2 = ols.estimateErrorVariance();
        double q = quantile(n - PARAMETERS, level);
        List<DayForecast> days = new ArrayList<>();
        RealVector sum = MatrixUtils.createRealVector(new double[PARAMETERS]);
        for (int i = 0; i < horizon; i++) {
            int t = n + i;
            LocalDate d = firstDay.plusDays(t);
            RealVector row = withIntercept(regressors(d, t));
            sum = sum.add(row);
            days.add(day(d, row.dotProduct(b), q * Math.sqrt(s2 * (1 + c.operate(row).dotProduct(row)))));
        }
        Interval total = interval(sum.dotProduct(b), q * Math.sqrt(s2 * (horizon + c.operate(sum).dotProduct(sum))));
        Map<DayOfWeek, Double> effects = new EnumMap<>(DayOfWeek.class);
        for (int d = 0; d < 6; d++) {
            effects.put(DayOfWeek.of(d + 1), b.getEntry(2 + d));
        }
        effects.put(DayOfWeek.SUNDAY, 0.0);
        return new CostForecast(Method.TREND_WEEKDAY_OLS, "least squares with a linear trend and day-of-week effects over "
                + n + " days (" + (n - PARAMETERS) + " degrees of freedom)", n, level, days, total, b.getEntry(1),
                effects, Math.sqrt(s2));
    }

    /** t, then one dummy per weekday Monday..Saturday (Sunday is the baseline). */
    private static double[] regressors(LocalDate day, int t) {
        double[] r = new double[PARAMETERS - 1];
        r[0] = t;
        int dow = day.getDayOfWeek().getValue(); // Monday 1 .. Sunday 7
        if (dow < 7) {
            r[dow] = 1;
        }
        return r;
    }

    private static RealVector withIntercept(double[] regressors) {
        double[] row = new double[PARAMETERS];
        row[0] = 1;
        System.arraycopy(regressors, 0, row, 1, regressors.length);
        return MatrixUtils.createRealVector(row);
    }

    private static double quantile(int degreesOfFreedom, double level) {
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability((1 + level) / 2);
    }

    private static DayForecast day(LocalDate d, double predicted, double half) {
        Interval i = interval(predicted, half);
        return new DayForecast(d, i.predicted(), i.lower(), i.upper());
    }

    private static Interval interval(double predicted, double half) {
        return new Interval(Math.max(0, predicted), Math.max(0, predicted - half), Math.max(0, predicted + half));
    }
}
