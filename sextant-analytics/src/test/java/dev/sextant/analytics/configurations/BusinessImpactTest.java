package dev.sextant.analytics.configurations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.ConfigurationPerformance.Point;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessImpactTest {
    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");

    /** One point per day of {@code version} from day {@code first} to {@code last} (0 = Nov 1). */
    private static List<Point> days(String version, int first, int last, long n, long ok, long ms, String cost) {
        List<Point> points = new ArrayList<>();
        for (int d = first; d <= last; d++) {
            points.add(new Point("bot", version, NOV_1.plus(d, ChronoUnit.DAYS), n, ok, n, ms * n, new BigDecimal(cost),
                    2, 2 * (version.equals("v1") ? 4.0 : 4.5)));
        }
        return points;
    }

    /**
     * v1 on Nov 1..10 (day 0..9): 10 executions a day, 7 successes, 1000 ms each, 0.50 a day.
     * Change to v2 on Nov 10 at noon (day 9); v2 from day 9 on: 12 a day, 10 successes, 800 ms, 0.60 a day.
     * Range Nov 1 .. Nov 15 00:00: the after side has days 10..13 only (4 days), so both sides are 4 days:
     * before Nov 6..9 on v1, after Nov 11..14 on v2.
     */
    @Test
    void beforeAndAfterOverEqualClippedWindowsWithRoi() {
        List<Point> series = new ArrayList<>(days("v1", 0, 9, 10, 7, 1000, "0.50"));
        series.addAll(days("v2", 9, 20, 12, 10, 800, "0.60"));
        ChangeEvent change = new ChangeEvent("c1", NOV_1.plus(9, ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS), "bot", "v1",
                "v2", null);
        BusinessImpact result = BusinessImpact.of(List.of(change), series, NOV_1, NOV_1.plus(14, ChronoUnit.DAYS),
                new BigDecimal("2"), new BigDecimal("10"));

        BusinessImpact.Change c = result.changes().getFirst();
        assertThat(c.measured()).isTrue();
        assertThat(c.before().days()).isEqualTo(4);
        assertThat(c.before().firstDay()).hasToString("2026-11-06");
        assertThat(c.after().lastDay()).hasToString("2026-11-14");
        assertThat(c.before().executions()).isEqualTo(40);
        assertThat(c.after().executions()).isEqualTo(48);
        assertThat(c.executionsPerDayChange()).isCloseTo(2.0, within(1e-12));
        // 48 × 0.8 s − 40 × 1 s = −1.6 s, in hours
        assertThat(c.executionHoursChange()).isCloseTo(-1.6 / 3600, within(1e-12));
        // 40/48 − 28/40
        assertThat(c.successRateChange()).isCloseTo(40 / 48.0 - 0.7, within(1e-12));
        assertThat(c.avgResponseMsChange()).isCloseTo(-200.0, within(1e-9));
        assertThat(c.costPerExecutionChangeUsd()).isEqualByComparingTo("0.00");
        assertThat(c.meanRatingChange()).isCloseTo(0.5, within(1e-12));
        // net = (40 − 28) × 2 − (2.40 − 2.00) = 23.6; roi = (23.6 − 10) / 10
        assertThat(c.netBenefitUsd()).isEqualByComparingTo("23.6");
        assertThat(c.roi()).isCloseTo(1.36, within(1e-12));
        assertThat(result.top()).containsExactly("c1");
        assertThat(result.underPerforming()).isEmpty();
    }

    @Test
    void neighbouringChangesClipTheWindowsAndRankingFollowsNetBenefit() {
        List<Point> series = new ArrayList<>(days("v1", 0, 4, 10, 8, 1000, "0.50"));
        series.addAll(days("v2", 5, 9, 10, 5, 1000, "0.50"));
        series.addAll(days("v3", 10, 20, 10, 9, 1000, "0.50"));
        // v1 → v2 on day 5 (worse), v2 → v3 on day 10 (better): each window at most 4 days, between the changes
        ChangeEvent worse = new ChangeEvent("c-worse", NOV_1.plus(5, ChronoUnit.DAYS), "bot", "v1", "v2", new BigDecimal("5"));
        ChangeEvent better = new ChangeEvent("c-better", NOV_1.plus(10, ChronoUnit.DAYS), "bot", "v2", "v3", null);
        BusinessImpact result = BusinessImpact.of(List.of(better, worse), series, NOV_1, NOV_1.plus(30, ChronoUnit.DAYS),
                BigDecimal.ONE, null);

        BusinessImpact.Change first = result.changes().get(0);
        assertThat(first.event().id()).isEqualTo("c-worse");
        assertThat(first.before().days()).isEqualTo(4);
        // (20 − 32) × 1 − 0 = −12; its own work cost 5: roi (−12 − 5) / 5
        assertThat(first.netBenefitUsd()).isEqualByComparingTo("-12");
        assertThat(first.roi()).isCloseTo(-3.4, within(1e-12));
        BusinessImpact.Change second = result.changes().get(1);
        assertThat(second.netBenefitUsd()).isEqualByComparingTo("16");
        assertThat(second.roi()).isNull();
        assertThat(result.top()).containsExactly("c-better");
        assertThat(result.underPerforming()).containsExactly("c-worse");
    }

    @Test
    void aChangeWithoutDataOnOneSideIsInsufficient() {
        List<Point> series = days("v1", 0, 9, 10, 7, 1000, "0.50");
        ChangeEvent atTheEdge = new ChangeEvent("edge", NOV_1, "bot", "v0", "v1", null);
        ChangeEvent noAfter = new ChangeEvent("none", NOV_1.plus(5, ChronoUnit.DAYS), "other", "v1", "v2", null);
        BusinessImpact result = BusinessImpact.of(List.of(atTheEdge, noAfter), series, NOV_1,
                NOV_1.plus(10, ChronoUnit.DAYS), null, null);
        assertThat(result.changes().get(0).measured()).isFalse();
        assertThat(result.changes().get(0).reason()).isEqualTo("insufficient data: no whole day on both sides of the"
                + " change inside the range and between the agent's neighbouring changes");
        assertThat(result.changes().get(1).reason())
                .isEqualTo("insufficient data: 0 executions on v1 in the 4 days before and 0 on v2 in the 4 days after");
        assertThat(result.top()).isEmpty();
        assertThat(result.underPerforming()).isEmpty();
    }
}
