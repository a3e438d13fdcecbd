package dev.sextant.analytics.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.models.ReliabilityDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers for the least-squares trend (worked by hand, t quantile from R qt(0.975, 3)) and drift. */
class TrendAndDriftTest {

    @Test
    void aNoisyRiseWhoseIntervalCoversZeroIsStable() {
        // slope 0.8 per day, SSE 3.6, se = sqrt(1.2 / 10), t(0.975, 3) = 3.182446305
        Trend t = Trend.of(new double[] {0, 1, 2, 3, 4}, new double[] {1, 3, 2, 5, 4});
        double half = 3.182446305 * Math.sqrt(0.12) * 7;
        assertThat(t.perWeek()).isCloseTo(5.6, within(1e-9));
        assertThat(t.ciLow()).isCloseTo(5.6 - half, within(1e-6));
        assertThat(t.ciHigh()).isCloseTo(5.6 + half, within(1e-6));
        assertThat(t.direction()).isEqualTo(Trend.Direction.STABLE);
    }

    @Test
    void anExactLineHasAZeroWidthIntervalAndTwoDaysAreTooFew() {
        Trend up = Trend.of(new double[] {0, 1, 2, 3}, new double[] {0.5, 0.52, 0.54, 0.56});
        assertThat(up.perWeek()).isCloseTo(0.14, within(1e-9));
        assertThat(up.direction()).isEqualTo(Trend.Direction.IMPROVING);
        Trend flat = Trend.of(new double[] {0, 1, 2}, new double[] {0.9, 0.9, 0.9});
        assertThat(flat.perWeek()).isZero();
        assertThat(flat.direction()).isEqualTo(Trend.Direction.STABLE);
        Trend few = Trend.of(new double[] {0, 1}, new double[] {0.9, 0.1});
        assertThat(few.direction()).isEqualTo(Trend.Direction.INSUFFICIENT_DATA);
        assertThat(few.perWeek()).isNull();
    }

    @Test
    void aSuccessRateFallingOnePointADayDegradesSevenPointsAWeek() {
        Instant deployed = Instant.parse("2026-11-01T15:00:00Z");
        List<ReliabilityDay> days = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            long ok = 95 - i;
            days.add(new ReliabilityDay(LocalDate.parse("2026-11-01").plusDays(i), 100, ok, 100 - ok, 100, 0, 500.0,
                    i < 7 ? 10 : 0, i < 7 ? 4.0 + i * 0.1 : null));
        }
        ProductionDrift d = ProductionDrift.of(deployed, days);
        // baseline: days 0-6, 644 of 700; recent: days 7-13, 595 of 700
        assertThat(d.baseline().traces()).isEqualTo(700);
        assertThat(d.baseline().successRate()).isCloseTo(0.92, within(1e-12));
        assertThat(d.recent().successRate()).isCloseTo(0.85, within(1e-12));
        assertThat(d.days()).hasSize(14);
        assertThat(d.days().getFirst().successRateChange()).isCloseTo(0.03, within(1e-12));
        assertThat(d.successRateTrend().perWeek()).isCloseTo(-0.07, within(1e-9));
        assertThat(d.successRateTrend().direction()).isEqualTo(Trend.Direction.DEGRADING);
        // ratings on the first 7 days only, rising 0.1 a day: +0.7 a week, improving
        assertThat(d.baseline().meanRating()).isCloseTo(4.3, within(1e-12));
        assertThat(d.ratingTrend().days()).isEqualTo(7);
        assertThat(d.ratingTrend().perWeek()).isCloseTo(0.7, within(1e-9));
        assertThat(d.ratingTrend().direction()).isEqualTo(Trend.Direction.IMPROVING);
        assertThat(d.days().get(8).ratingChange()).isNull();
    }

    @Test
    void withinTheFirstWeekThereIsNoRecentWindow() {
        Instant deployed = Instant.parse("2026-11-01T15:00:00Z");
        ProductionDrift d = ProductionDrift.of(deployed, List.of(new ReliabilityDay(LocalDate.parse("2026-11-03"), 10, 9,
                1, 10, 0, null, 0, null)));
        assertThat(d.recent()).isNull();
        assertThat(d.baseline().successRate()).isCloseTo(0.9, within(1e-12));
        assertThat(d.successRateTrend().direction()).isEqualTo(Trend.Direction.INSUFFICIENT_DATA);
        assertThat(ProductionDrift.of(deployed, List.of()).baseline().successRate()).isNull();
    }
}
