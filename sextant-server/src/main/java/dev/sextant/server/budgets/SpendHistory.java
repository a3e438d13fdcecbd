package dev.sextant.server.budgets;

import dev.sextant.analytics.CostForecast;
import dev.sextant.analytics.CostForecaster;
import dev.sextant.store.SpendReader.DailySpend;
import dev.sextant.store.SpendReader.Day;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily spend of a scope over the fitting window ({@link #FIT_DAYS} complete days before
 * {@code today}) and {@code today} itself, as one store read. The forecast is fitted on the
 * complete days from the first one with any interaction (days before the scope existed are not
 * zero spending, they are no data); today, still running, is never fitted.
 */
record SpendHistory(LocalDate today, DailySpend daily) {
    static final int FIT_WEEKS = 8;
    static final int FIT_DAYS = 7 * FIT_WEEKS;

    static LocalDate firstDay(LocalDate today) {
        return today.minusDays(FIT_DAYS);
    }

    /** Forecasts {@code horizon} days from today on, fitted on the complete days. */
    CostForecast forecast(int horizon) {
        List<Day> complete = daily.days().stream().filter(d -> d.day().isBefore(today)).toList();
        int first = 0;
        while (first < complete.size() && complete.get(first).traces() == 0) {
            first++;
        }
        List<Day> fitted = complete.subList(first, complete.size());
        double[] values = fitted.stream().mapToDouble(d -> d.costUsd().doubleValue()).toArray();
        LocalDate start = fitted.isEmpty() ? today : fitted.getFirst().day();
        return CostForecaster.forecast(start, values, horizon, CostForecaster.DEFAULT_LEVEL);
    }

    /** The cost of the days in {@code [from, to)}. */
    BigDecimal spent(LocalDate from, LocalDate to) {
        return daily.days().stream().filter(d -> !d.day().isBefore(from) && d.day().isBefore(to))
                .map(Day::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    long traces(LocalDate from, LocalDate to) {
        return daily.days().stream().filter(d -> !d.day().isBefore(from) && d.day().isBefore(to))
                .mapToLong(Day::traces).sum();
    }
}
