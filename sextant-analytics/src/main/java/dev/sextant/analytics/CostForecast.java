package dev.sextant.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A forecast of a daily series: one entry per forecast day and their sum, each with a
 * prediction interval at {@code level}. {@code method} says how it was made and {@code reason}
 * why that method (a fallback always says what was missing). With {@link Method#INSUFFICIENT_DATA}
 * there are no days and no total. {@code slopePerDay}, {@code weekdayEffects} (against Sunday)
 * and {@code residualStdDev} describe the fitted model where there is one.
 */
public record CostForecast(Method method, String reason, int fittedDays, double level, List<DayForecast> days,
        Interval total, Double slopePerDay, Map<DayOfWeek, Double> weekdayEffects, Double residualStdDev) {

    public enum Method {
        /** OLS with a linear trend and day-of-week dummies. */
        TREND_WEEKDAY_OLS,
        /** The mean of the observed days, with the sample standard deviation. */
        MEAN,
        /** Too few days to say anything. */
        INSUFFICIENT_DATA
    }

    public CostForecast {
        days = List.copyOf(days);
        weekdayEffects = weekdayEffects == null ? null : Map.copyOf(weekdayEffects);
    }

    /** A predicted value with its prediction interval; all three are at least 0 (costs cannot be negative). */
    public record Interval(double predicted, double lower, double upper) {}

    public record DayForecast(LocalDate day, double predicted, double lower, double upper) {}
}
