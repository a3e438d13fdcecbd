package dev.sextant.server.budgets;

import dev.sextant.analytics.CostForecast;
import dev.sextant.analytics.CostForecast.DayForecast;
import dev.sextant.analytics.CostForecast.Interval;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v1/analytics/forecast}: the daily forecast from today on, fitted on the complete
 * days of the last eight weeks ({@code history_from} .. {@code history_to}), with the model's
 * description where there is one.
 */
record ForecastView(String metric, String scope, int days, double level, String method, String reason, int fittedDays,
        LocalDate historyFrom, LocalDate historyTo, Double slopePerDay, Map<String, Double> weekdayEffects,
        Double residualStdDev, List<DayForecast> forecast, Interval total, Instant dataAsOf) {

    static ForecastView of(String scope, int days, SpendHistory history, CostForecast f, Instant now) {
        Map<String, Double> effects = null;
        if (f.weekdayEffects() != null) {
            effects = new LinkedHashMap<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                effects.put(d.name().toLowerCase(Locale.ROOT), f.weekdayEffects().get(d));
            }
        }
        LocalDate to = history.today().minusDays(1);
        Instant newest = history.daily().newest();
        return new ForecastView("cost", scope, days, f.level(), f.method().name().toLowerCase(Locale.ROOT), f.reason(),
                f.fittedDays(), f.fittedDays() == 0 ? null : to.minusDays(f.fittedDays() - 1L),
                f.fittedDays() == 0 ? null : to, f.slopePerDay(), effects, f.residualStdDev(), f.days(), f.total(),
                newest == null ? now : newest);
    }
}
