package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.CostForecast.DayForecast;
import dev.sextant.analytics.CostForecast.Method;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CostForecasterTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    /**
     * Student's t with 2 degrees of freedom has a closed-form quantile,
     * t_p = (2p - 1) / sqrt(2 p (1 - p)); for p = 0.975 that is 0.95 / sqrt(0.04875) = 4.30265...
     * (4.303 in every printed t table).
     */
    private static final double T2 = 0.95 / Math.sqrt(2 * 0.975 * 0.025);
    /** The 0.975 quantile of t with 6 degrees of freedom, from a printed table (NIST/SEMATECH 1.3.6.7.2): 2.447. */
    private static final double T6 = 2.446912;

    /**
     * The fallback by hand: 10, 12, 14 has mean 12 and sample standard deviation 2 (n = 3, 2 d.f.).
     * One day: 12 ± T2 · 2 · sqrt(1 + 1/3); two days: 24 ± T2 · 2 · sqrt(2 + 4/3).
     */
    @Test
    void fewerThanFourteenDaysUseTheMeanWithItsKnownInterval() {
        CostForecast f = CostForecaster.forecast(MONDAY, new double[] {10, 12, 14}, 2, 0.95);

        assertThat(f.method()).isEqualTo(Method.MEAN);
        assertThat(f.reason()).contains("3 day(s)").contains("fewer than 14");
        assertThat(f.days()).hasSize(2);
        DayForecast first = f.days().getFirst();
        assertThat(first.day()).isEqualTo(MONDAY.plusDays(3));
        double dayHalf = T2 * 2 * Math.sqrt(4.0 / 3);
        assertThat(first.predicted()).isCloseTo(12, within(1e-12));
        assertThat(first.lower()).isCloseTo(12 - dayHalf, within(1e-9));
        assertThat(first.upper()).isCloseTo(12 + dayHalf, within(1e-9));
        assertThat(first.upper()).isCloseTo(21.93655, within(1e-4)); // 12 + 4.302653 · 2.309401
        double totalHalf = T2 * 2 * Math.sqrt(2 + 4.0 / 3);
        assertThat(f.total().predicted()).isCloseTo(24, within(1e-12));
        assertThat(f.total().lower()).isCloseTo(24 - totalHalf, within(1e-9));
        assertThat(f.total().upper()).isCloseTo(39.71104, within(1e-4)); // 24 + 4.302653 · 3.651484
        assertThat(f.residualStdDev()).isCloseTo(2, within(1e-12));
    }

    @Test
    void fewerThanThreeDaysAreInsufficientData() {
        CostForecast f = CostForecaster.forecast(MONDAY, new double[] {5, 6}, 7, 0.95);

        assertThat(f.method()).isEqualTo(Method.INSUFFICIENT_DATA);
        assertThat(f.reason()).isEqualTo("insufficient data: 2 day(s) of history, at least 3 are needed for a forecast");
        assertThat(f.days()).isEmpty();
        assertThat(f.total()).isNull();
        assertThat(f.fittedDays()).isEqualTo(2);
    }

    /**
     * Two weeks from a Monday: y_t = 10 + 0.5 t + weekday effect (Mon..Sat 3, 2, 1, 0, -1, 5; Sunday 0)
     * + r_t with r = (1, -1, 0, 0, 0, 0, 0, -1, 1, 0, 0, 0, 0, 0). r is orthogonal to every column
     * (it sums to 0 within each weekday and sum t·r_t = -1 - 7 + 8 = 0), so OLS returns the exact
     * coefficients and RSS = 4, s^2 = 4 / (14 - 8) = 2/3.
     *
     * <p>By hand, with one mean per weekday m_d = (y_d + y_{d+7}) / 2 (time d + 3.5) and the common
     * slope b = sum_d (y_{d+7} - y_d) / 49, which are uncorrelated: Var(b) = 14 s^2 / 49^2 = 2 s^2 / 343
     * and Var(m_d) = s^2 / 2. Day 14 (Monday) is m_0 + 10.5 b = 10 + 7 + 3 = 20 with
     * Var = s^2 (1/2 + 10.5^2 · 2/343) = s^2 · 8/7, so its interval is 20 ± T6 · sqrt(2/3 · (1 + 8/7)).
     * Days 14 and 15 together: m_0 + m_1 + 21 b = 20 + 19.5 = 39.5 with Var = s^2 (1 + 441 · 2/343)
     * = s^2 · 25/7, interval 39.5 ± T6 · sqrt(2/3 · (2 + 25/7)).
     */
    @Test
    void trendWithWeekdaysMatchesTheHandComputedTwoWeekExample() {
        double[] effects = {3, 2, 1, 0, -1, 5, 0};
        double[] r = {1, -1, 0, 0, 0, 0, 0, -1, 1, 0, 0, 0, 0, 0};
        double[] y = new double[14];
        for (int t = 0; t < 14; t++) {
            y[t] = 10 + 0.5 * t + effects[t % 7] + r[t];
        }

        CostForecast f = CostForecaster.forecast(MONDAY, y, 2, 0.95);

        assertThat(f.method()).isEqualTo(Method.TREND_WEEKDAY_OLS);
        assertThat(f.fittedDays()).isEqualTo(14);
        assertThat(f.slopePerDay()).isCloseTo(0.5, within(1e-9));
        assertThat(f.weekdayEffects().get(DayOfWeek.MONDAY)).isCloseTo(3, within(1e-9));
        assertThat(f.weekdayEffects().get(DayOfWeek.SATURDAY)).isCloseTo(5, within(1e-9));
        assertThat(f.weekdayEffects().get(DayOfWeek.SUNDAY)).isZero();
        assertThat(f.residualStdDev()).isCloseTo(Math.sqrt(2.0 / 3), within(1e-9));

        DayForecast monday = f.days().getFirst();
        assertThat(monday.day()).isEqualTo(MONDAY.plusDays(14));
        assertThat(monday.predicted()).isCloseTo(20, within(1e-9));
        double dayHalf = T6 * Math.sqrt(2.0 / 3 * (1 + 8.0 / 7));
        assertThat(monday.upper()).isCloseTo(20 + dayHalf, within(1e-5));
        assertThat(monday.lower()).isCloseTo(20 - dayHalf, within(1e-5));
        assertThat(f.days().get(1).predicted()).isCloseTo(19.5, within(1e-9));
        double totalHalf = T6 * Math.sqrt(2.0 / 3 * (2 + 25.0 / 7));
        assertThat(f.total().predicted()).isCloseTo(39.5, within(1e-9));
        assertThat(f.total().upper()).isCloseTo(39.5 + totalHalf, within(1e-5));
        assertThat(f.total().lower()).isCloseTo(39.5 - totalHalf, within(1e-5));
    }

    @Test
    void costsAreNeverForecastBelowZero() {
        double[] y = new double[20];
        for (int t = 0; t < 20; t++) {
            y[t] = Math.max(0, 40 - 3 * t);
        }
        CostForecast f = CostForecaster.forecast(MONDAY, y, 10, 0.95);
        assertThat(f.days()).allSatisfy(d -> {
            assertThat(d.predicted()).isNotNegative();
            assertThat(d.lower()).isNotNegative();
            assertThat(d.upper()).isGreaterThanOrEqualTo(d.predicted());
        });
        assertThat(f.total().lower()).isNotNegative();
    }

    /**
     * Eight weeks of y = 100 + 2 t + a weekly pattern + Gaussian noise (sd 3): the slope (standard
     * error about 3 / sqrt(14630) = 0.025) and the weekday effects (about 1.5) come back within
     * three standard errors, and over 300 seeded series the 95% interval of the next day holds the
     * next day's value between 90% and 99% of the time.
     */
    @Test
    void aKnownTrendAndWeeklyPatternAreRecovered() {
        double[] pattern = {30, 10, 0, -5, 20, -40, 0}; // Monday .. Sunday
        Random random = new Random(42);
        CostForecast f = CostForecaster.forecast(MONDAY, synthetic(random, pattern, 56), 7, 0.95);
        assertThat(f.slopePerDay()).isCloseTo(2, within(0.075));
        for (DayOfWeek d : DayOfWeek.values()) {
            assertThat(f.weekdayEffects().get(d)).as(d.name()).isCloseTo(pattern[d.getValue() - 1], within(4.5));
        }
        assertThat(f.residualStdDev()).isCloseTo(3, within(0.9));
        double trueWeek = 0;
        for (int t = 56; t < 63; t++) {
            trueWeek += 100 + 2 * t + pattern[t % 7];
        }
        assertThat(trueWeek).isBetween(f.total().lower(), f.total().upper());

        int covered = 0;
        int runs = 300;
        for (int run = 0; run < runs; run++) {
            double[] series = synthetic(random, pattern, 57);
            double[] history = java.util.Arrays.copyOf(series, 56);
            DayForecast next = CostForecaster.forecast(MONDAY, history, 1, 0.95).days().getFirst();
            if (series[56] >= next.lower() && series[56] <= next.upper()) {
                covered++;
            }
        }
        assertThat(covered / (double) runs).isBetween(0.90, 0.99);
    }

    private static double[] synthetic(Random random, double[] pattern, int days) {
        double[] y = new double[days];
        for (int t = 0; t < days; t++) {
            y[t] = 100 + 2 * t + pattern[t % 7] + 3 * random.nextGaussian();
        }
        return y;
    }
}
