package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.AlertEvaluation.State;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.AlertRuleSpec;
import dev.sextant.store.AlertRuleSpec.Anomaly;
import dev.sextant.store.AlertRuleSpec.AnomalyDirection;
import dev.sextant.store.AlertRuleSpec.Condition;
import dev.sextant.store.AlertRuleSpec.Op;
import dev.sextant.store.AlertRuleSpec.Threshold;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.MetricWindowReader;
import dev.sextant.store.MetricWindows.TimeWindow;
import dev.sextant.store.Severity;
import dev.sextant.store.TrendQuery.Metric;
import dev.sextant.store.WindowValue;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Rule judgements on synthetic series whose answers are worked out in the comments. */
class AlertEvaluatorTest {
    private static final WorkspaceId WS = WorkspaceId.of("ws-test");
    /** A Monday. */
    private static final Instant MONDAY_10 = Instant.parse("2026-11-30T10:00:00Z");

    private static AlertRuleSpec rule(Metric metric, Condition condition, long minSamples) {
        return new AlertRuleSpec("r", metric, Map.of(), Duration.ofHours(1), condition, Severity.WARNING, true,
                List.of(), minSamples);
    }

    /** A reader whose every window holds {@code series(window start)} interactions. */
    private static MetricWindowReader hourly(Function<Instant, Double> series) {
        return (ws, q) -> q.windows().stream().map(w -> {
            double v = series.apply(w.from());
            return new WindowValue(w, v, (long) v);
        }).toList();
    }

    /**
     * Interactions per hour: 20 on ordinary hours, a Monday 09:00-10:00 peak of 100 every week
     * (99, 100, 101 in turn, so the baseline varies), and on the Tuesday of the test week a
     * spike of 100 at 09:00 that never happened before.
     */
    private static double weekly(Instant hourStart) {
        ZonedDateTime t = hourStart.atZone(ZoneOffset.UTC);
        long week = Duration.between(Instant.parse("2026-10-05T00:00:00Z"), hourStart).toDays() / 7;
        double wobble = week % 3 - 1; // -1, 0, 1
        boolean mondayPeak = t.getDayOfWeek() == DayOfWeek.MONDAY && t.getHour() == 9;
        boolean tuesdaySpike = t.getDayOfWeek() == DayOfWeek.TUESDAY && t.getHour() == 9
                && hourStart.equals(MONDAY_10.plus(Duration.ofHours(23)));
        if (mondayPeak || tuesdaySpike) {
            return 100 + wobble;
        }
        return 20 + wobble;
    }

    private static final AlertRuleSpec SPIKES = rule(Metric.INTERACTIONS, new Anomaly(AnomalyDirection.UP, 3.5), 0);

    /**
     * Weeks count from 5 October, wobble = week % 3 - 1. Monday 30 November (week 8) 09:00-10:00
     * holds 101; the Mondays before (weeks 7, 6, 5, 4) held 100, 99, 101, 100: median 100,
     * deviations 0, 1, 1, 0, MAD 0.5, scale 0.7413, z = 1 / 0.7413 = 1.35 — normal. Compared with
     * the recent hours (all ~20) it would have been a spike: the seasonal baseline saves it.
     */
    @Test
    void aWeeklyMondayPeakIsNormal() {
        AlertEvaluation e = new AlertEvaluator(hourly(AlertEvaluatorTest::weekly), AnomalySettings.DEFAULTS)
                .evaluate(WS, SPIKES, InteractionQuery.ALL, MONDAY_10);

        assertThat(e.state()).isEqualTo(State.OK);
        assertThat(e.anomaly().baseline()).isEqualTo("seasonal");
        assertThat(e.anomaly().baselineValues()).containsExactly(100.0, 99.0, 101.0, 100.0);
        assertThat(e.value()).isEqualTo(101.0);
        assertThat(e.anomaly().z()).isCloseTo(1 / (0.5 * 1.4826), within(1e-12));
        assertThat(e.window()).isEqualTo(new TimeWindow(Instant.parse("2026-11-30T09:00:00Z"), MONDAY_10));
    }

    /**
     * Tuesday 1 December (week 8) 09:00-10:00 holds the spike, 101; the Tuesdays before held
     * 20, 19, 21, 20: median 20, MAD 0.5, z = 81 / 0.7413 = 109.3, far beyond 3.5.
     */
    @Test
    void aTuesdaySpikeIsAnAnomaly() {
        Instant tuesday10 = MONDAY_10.plus(Duration.ofDays(1));
        AlertEvaluation e = new AlertEvaluator(hourly(AlertEvaluatorTest::weekly), AnomalySettings.DEFAULTS)
                .evaluate(WS, SPIKES, InteractionQuery.ALL, tuesday10);

        assertThat(e.state()).isEqualTo(State.FIRING);
        assertThat(e.anomaly().baseline()).isEqualTo("seasonal");
        assertThat(e.value()).isEqualTo(101.0);
        assertThat(e.anomaly().baselineValues()).containsExactly(20.0, 19.0, 21.0, 20.0);
        assertThat(e.anomaly().z()).isCloseTo(81 / (0.5 * 1.4826), within(1e-9));
        assertThat(e.reason()).contains("beyond sensitivity 3.5");
    }

    /**
     * Seasonal baseline 20, 21, 19, 400 (one week had an incident): median 20.5, deviations 0.5,
     * 0.5, 1.5, 379.5, MAD 1.0, scale 1.4826; the current 60 is z = 39.5 / 1.4826 = 26.64: fires.
     * Against mean and standard deviation (mean 115, sample sd 190.0) it would be z = -0.29:
     * the outlier would have masked the spike.
     */
    @Test
    void anOutlierInTheBaselineDoesNotMaskASpike() {
        List<WindowValue> seasonal = values(20, 21, 19, 400);
        AlertEvaluation e = AlertEvaluator.judge(SPIKES, value(60), seasonal, List.of(), AnomalySettings.DEFAULTS);

        assertThat(e.state()).isEqualTo(State.FIRING);
        assertThat(e.anomaly().median()).isEqualTo(20.5);
        assertThat(e.anomaly().mad()).isEqualTo(1.0);
        assertThat(e.anomaly().z()).isCloseTo(39.5 / 1.4826, within(1e-12));
        double mean = (20 + 21 + 19 + 400) / 4.0;
        double sd = Math.sqrt((Math.pow(20 - mean, 2) + Math.pow(21 - mean, 2) + Math.pow(19 - mean, 2)
                + Math.pow(400 - mean, 2)) / 3);
        assertThat((60 - mean) / sd).as("what a mean/sd baseline would say").isLessThan(0);
    }

    /** Two weeks of history and four recent windows: neither baseline is big enough; nothing fires. */
    @Test
    void tooLittleHistoryIsAnInsufficientBaselineWithTheCounts() {
        List<WindowValue> seasonal = List.of(value(20), value(21), empty(), empty());
        List<WindowValue> recent = List.of(value(20), value(22), value(19), value(18), empty(), empty(), empty(),
                empty(), empty(), empty(), empty(), empty());
        AlertEvaluation e = AlertEvaluator.judge(SPIKES, value(500), seasonal, recent, AnomalySettings.DEFAULTS);

        assertThat(e.state()).isEqualTo(State.INSUFFICIENT_BASELINE);
        assertThat(e.anomaly().seasonalWithData()).isEqualTo(2);
        assertThat(e.anomaly().recentWithData()).isEqualTo(4);
        assertThat(e.reason()).isEqualTo("insufficient baseline: 2 of 4 same-time-of-week windows and 4 of 12"
                + " recent windows have data; 3 seasonal or 6 recent are needed");
    }

    /**
     * No seasonal history, six recent windows 10, 12, 11, 13, 9, 50: median 11.5, deviations
     * 1.5, 0.5, 0.5, 1.5, 2.5, 38.5 → MAD 1.5, scale 2.2239; a drop to 2 is z = -9.5 / 2.2239 =
     * -4.27: fires for direction down (and both), not for up.
     */
    @Test
    void withoutWeeksOfHistoryTheRecentWindowsAreTheBaselineAndDirectionCounts() {
        List<WindowValue> recent = values(10, 12, 11, 13, 9, 50);
        for (AnomalyDirection d : AnomalyDirection.values()) {
            AlertRuleSpec r = rule(Metric.INTERACTIONS, new Anomaly(d, 4.0), 0);
            AlertEvaluation e = AlertEvaluator.judge(r, value(2), List.of(), recent, AnomalySettings.DEFAULTS);
            assertThat(e.anomaly().baseline()).isEqualTo("recent");
            assertThat(e.anomaly().median()).isEqualTo(11.5);
            assertThat(e.anomaly().z()).isCloseTo(-9.5 / (1.5 * 1.4826), within(1e-12));
            assertThat(e.state()).as(d.wire()).isEqualTo(d == AnomalyDirection.UP ? State.OK : State.FIRING);
        }
    }

    @Test
    void aConstantBaselineIsNotJudged() {
        AlertEvaluation e = AlertEvaluator.judge(SPIKES, value(3), values(0, 0, 0, 0), List.of(),
                AnomalySettings.DEFAULTS);
        assertThat(e.state()).isEqualTo(State.INSUFFICIENT_BASELINE);
        assertThat(e.reason()).contains("does not vary");
    }

    /** Threshold error_rate >= 0.5 with min_samples 4: 2 of 4 errors fire, 1 of 4 not, 2 of 3 is no data. */
    @Test
    void thresholdsCompareTheCurrentWindowWhenItHasEnoughSamples() {
        AlertRuleSpec r = rule(Metric.ERROR_RATE, new Threshold(Op.GTE, 0.5), 4);
        TimeWindow w = new TimeWindow(MONDAY_10.minusSeconds(3600), MONDAY_10);

        AlertEvaluation fires = AlertEvaluator.judge(r, new WindowValue(w, 0.5, 4), List.of(), List.of(),
                AnomalySettings.DEFAULTS);
        AlertEvaluation ok = AlertEvaluator.judge(r, new WindowValue(w, 0.25, 4), List.of(), List.of(),
                AnomalySettings.DEFAULTS);
        AlertEvaluation few = AlertEvaluator.judge(r, new WindowValue(w, 2 / 3.0, 3), List.of(), List.of(),
                AnomalySettings.DEFAULTS);
        AlertEvaluation none = AlertEvaluator.judge(r, new WindowValue(w, null, 0), List.of(), List.of(),
                AnomalySettings.DEFAULTS);

        assertThat(fires.state()).isEqualTo(State.FIRING);
        assertThat(fires.reason()).isEqualTo("error_rate over the last 1h is 0.5, >= 0.5 (4 samples)");
        assertThat(ok.state()).isEqualTo(State.OK);
        assertThat(few.state()).isEqualTo(State.NO_DATA);
        assertThat(few.reason()).isEqualTo("no data to judge: 3 samples of error_rate over the last 1h,"
                + " fewer than min_samples 4");
        assertThat(none.state()).isEqualTo(State.NO_DATA);
    }

    /** Zero interactions is a value: a threshold "interactions < 1" fires on an empty window. */
    @Test
    void anEmptyWindowIsZeroInteractions() {
        AlertRuleSpec r = rule(Metric.INTERACTIONS, new Threshold(Op.LT, 1), 10);
        AlertEvaluation e = new AlertEvaluator(hourly(t -> 0.0), AnomalySettings.DEFAULTS)
                .evaluate(WS, r, InteractionQuery.ALL, MONDAY_10);
        assertThat(e.state()).isEqualTo(State.FIRING);
        assertThat(e.value()).isZero();
    }

    @Test
    void windowsAreLaidOutFromNow() {
        AlertWindows w = AlertWindows.plan(MONDAY_10, Duration.ofMinutes(30), 2, 3);
        assertThat(w.current()).isEqualTo(new TimeWindow(MONDAY_10.minusSeconds(1800), MONDAY_10));
        assertThat(w.seasonal()).containsExactly(
                new TimeWindow(Instant.parse("2026-11-23T09:30:00Z"), Instant.parse("2026-11-23T10:00:00Z")),
                new TimeWindow(Instant.parse("2026-11-16T09:30:00Z"), Instant.parse("2026-11-16T10:00:00Z")));
        assertThat(w.recent()).containsExactly(
                new TimeWindow(Instant.parse("2026-11-30T09:00:00Z"), Instant.parse("2026-11-30T09:30:00Z")),
                new TimeWindow(Instant.parse("2026-11-30T08:30:00Z"), Instant.parse("2026-11-30T09:00:00Z")),
                new TimeWindow(Instant.parse("2026-11-30T08:00:00Z"), Instant.parse("2026-11-30T08:30:00Z")));
        assertThat(w.all()).hasSize(6).startsWith(w.current());
    }

    private static final TimeWindow ANY = new TimeWindow(MONDAY_10.minusSeconds(3600), MONDAY_10);

    private static WindowValue value(double v) {
        return new WindowValue(ANY, v, 100);
    }

    private static WindowValue empty() {
        return new WindowValue(ANY, 0.0, 0);
    }

    private static List<WindowValue> values(double... vs) {
        return java.util.Arrays.stream(vs).mapToObj(AlertEvaluatorTest::value).toList();
    }
}
