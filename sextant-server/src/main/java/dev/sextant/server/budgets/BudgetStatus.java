package dev.sextant.server.budgets;

import dev.sextant.analytics.CostForecast;
import dev.sextant.analytics.CostForecast.Method;
import dev.sextant.store.Budget;
import dev.sextant.store.BudgetPeriod;
import dev.sextant.store.BudgetSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Where a budget stands in its current period: what was spent (traces started since the period
 * began), what remains (negative when over), the burn rate (spent per elapsed day, at least one
 * hour counted), the thresholds crossed (spent at or above threshold × amount; for alerting),
 * {@code state} ok / warning (a threshold crossed) / exceeded (spent over the amount), and the
 * period-end projection with its interval.
 */
record BudgetStatus(Instant periodStart, Instant periodEnd, BigDecimal spentUsd, BigDecimal remainingUsd,
        double usedFraction, double burnRateUsdPerDay, List<BigDecimal> thresholdsCrossed, String state,
        long interactions, Projection projection, Instant dataAsOf) {

    /**
     * The period's projected total: spent before today plus the forecast of today to the period's
     * last day, never below what is already spent. {@code predicted_usd} and the bounds are null
     * when there is too little history ({@code method} insufficient_data, {@code reason} says how much).
     */
    record Projection(String method, String reason, double level, int fittedDays, Double predictedUsd,
            Double lowerUsd, Double upperUsd, Boolean overBudget) {
    }

    static BudgetStatus of(Budget budget, SpendHistory history, Instant now) {
        BudgetSpec spec = budget.spec();
        LocalDate first = spec.period().firstDay(now);
        LocalDate end = spec.period().endDay(first);
        LocalDate today = history.today();
        BigDecimal spent = history.spent(first, today.plusDays(1));
        BigDecimal spentBeforeToday = history.spent(first, today);
        BigDecimal amount = spec.amountUsd();
        Instant start = BudgetPeriod.startOf(first);
        double elapsedDays = Math.max(Duration.between(start, now).toSeconds(), 3600) / 86400.0;
        List<BigDecimal> crossed = crossed(spec, spent);
        String state = spent.compareTo(amount) > 0 ? "exceeded" : crossed.isEmpty() ? "ok" : "warning";
        CostForecast forecast = history.forecast((int) (end.toEpochDay() - today.toEpochDay()));
        Instant newest = history.daily().newest();
        return new BudgetStatus(start, BudgetPeriod.startOf(end), spent, amount.subtract(spent),
                spent.divide(amount, 6, RoundingMode.HALF_EVEN).doubleValue(), spent.doubleValue() / elapsedDays,
                crossed, state, history.traces(first, today.plusDays(1)),
                projection(forecast, spentBeforeToday.doubleValue(), spent.doubleValue(), amount.doubleValue()),
                newest == null ? now : newest);
    }

    static List<BigDecimal> crossed(BudgetSpec spec, BigDecimal spent) {
        return spec.thresholds().stream().filter(t -> spent.compareTo(t.multiply(spec.amountUsd())) >= 0).toList();
    }

    private static Projection projection(CostForecast f, double before, double spent, double amount) {
        String method = f.method().name().toLowerCase(Locale.ROOT);
        if (f.method() == Method.INSUFFICIENT_DATA) {
            return new Projection(method, f.reason(), f.level(), f.fittedDays(), null, null, null, null);
        }
        double predicted = Math.max(spent, before + f.total().predicted());
        return new Projection(method, f.reason(), f.level(), f.fittedDays(), predicted,
                Math.max(spent, before + f.total().lower()), Math.max(spent, before + f.total().upper()),
                predicted > amount);
    }
}
