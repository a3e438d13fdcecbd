package dev.sextant.server.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.Budget;
import dev.sextant.store.BudgetPeriod;
import dev.sextant.store.BudgetSpec;
import dev.sextant.store.BudgetSpec.Enforcement;
import dev.sextant.store.SpendReader.DailySpend;
import dev.sextant.store.SpendReader.Day;
import dev.sextant.store.SpendScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A monthly budget of 50 on 2026-11-22 at noon UTC, over a scope that spent exactly 2.00 a day
 * (4 interactions) from 2026-10-10 to yesterday, and {@code today} so far today. A constant series
 * fits with no residual, so the forecast is 2.00 a day with an empty interval: by hand, the
 * projection is 21 × 2 (Nov 1-21) + 9 × 2 (Nov 22-30) = 60.
 */
class BudgetStatusTest {
    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Budget BUDGET = new Budget("budget_x", new BudgetSpec("m", SpendScope.WORKSPACE,
            new BigDecimal("50"), BudgetPeriod.MONTH, BudgetSpec.DEFAULT_THRESHOLDS, Enforcement.ENFORCE), NOON, NOON);

    private static SpendHistory history(String today) {
        List<Day> days = new ArrayList<>();
        for (LocalDate d = SpendHistory.firstDay(TODAY); d.isBefore(TODAY); d = d.plusDays(1)) {
            boolean active = !d.isBefore(LocalDate.of(2026, 10, 10));
            days.add(new Day(d, active ? new BigDecimal("2.00") : BigDecimal.ZERO, active ? 4 : 0));
        }
        days.add(new Day(TODAY, new BigDecimal(today), 1));
        return new SpendHistory(TODAY, new DailySpend(days, NOON.minusSeconds(60)));
    }

    @Test
    void spentBurnThresholdsAndTheProjectionByHand() {
        BudgetStatus s = BudgetStatus.of(BUDGET, history("1.00"), NOON);

        assertThat(s.periodStart()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(s.periodEnd()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(s.spentUsd()).isEqualByComparingTo("43.00"); // 21 × 2 + 1
        assertThat(s.remainingUsd()).isEqualByComparingTo("7.00");
        assertThat(s.usedFraction()).isEqualTo(0.86);
        assertThat(s.burnRateUsdPerDay()).isCloseTo(43 / 21.5, within(1e-12)); // 21 days and 12 hours elapsed
        assertThat(s.thresholdsCrossed()).containsExactly(new BigDecimal("0.5"), new BigDecimal("0.8"));
        assertThat(s.state()).isEqualTo("warning");
        assertThat(s.interactions()).isEqualTo(21 * 4 + 1);
        assertThat(s.dataAsOf()).isEqualTo(NOON.minusSeconds(60));
        BudgetStatus.Projection p = s.projection();
        assertThat(p.method()).isEqualTo("trend_weekday_ols");
        assertThat(p.fittedDays()).isEqualTo(43); // 2026-10-10 .. 2026-11-21
        assertThat(p.predictedUsd()).isCloseTo(60, within(1e-6));
        assertThat(p.lowerUsd()).isCloseTo(60, within(1e-6));
        assertThat(p.upperUsd()).isCloseTo(60, within(1e-6));
        assertThat(p.overBudget()).isTrue();
    }

    @Test
    void theProjectionNeverFallsBelowWhatIsAlreadySpent() {
        BudgetStatus s = BudgetStatus.of(BUDGET, history("30.00"), NOON);

        assertThat(s.spentUsd()).isEqualByComparingTo("72.00");
        assertThat(s.state()).isEqualTo("exceeded");
        assertThat(s.remainingUsd()).isEqualByComparingTo("-22.00");
        assertThat(s.thresholdsCrossed()).hasSize(3);
        assertThat(s.projection().predictedUsd()).isEqualTo(72.0); // 42 + 18 = 60 < 72 spent
        assertThat(s.projection().lowerUsd()).isEqualTo(72.0);
    }
}
