package dev.sextant.analytics.configurations;

import dev.sextant.store.ConfigurationPerformance.Point;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What each customization did to the business (issue 6 item 7), from change events and the
 * per-version daily series of {@link dev.sextant.store.ConfigurationPerformanceReader}.
 *
 * <p>Windows: the change day itself (UTC) is left out, as it mixes both versions. Before is up to
 * {@link #WINDOW_DAYS} whole days ending the day before, on the old version; after is as many
 * days starting the day after, on the new version. Both are clipped to the whole days inside the
 * analysed range and to the days strictly between the agent's previous and next changes, and
 * then cut to the shorter of the two, so both sides always cover the same number of days.
 * Without a day on either side, or without executions on either side: {@code insufficient_data}.
 *
 * <p>ROI, where the caller gives {@code valuePerSuccess} (V) and a customization cost (C: the
 * event's own work cost, else the caller's default), over the equal windows:
 * {@code net = (successes_after − successes_before) × V − (run_cost_after − run_cost_before)} and
 * {@code roi = (net − C) / C}. Without V there is no net benefit; without C (or C = 0) no ROI.
 *
 * <p>Ranking: by net benefit when V is given, else by the change in success rate; {@code top}
 * holds up to {@link #RANKED} changes with a positive key, best first, {@code underPerforming} up
 * to as many with a negative key, worst first.
 */
public record BusinessImpact(List<Change> changes, List<String> top, List<String> underPerforming) {

    public static final int WINDOW_DAYS = 7;
    public static final int RANKED = 5;

    public BusinessImpact {
        changes = List.copyOf(changes);
        top = List.copyOf(top);
        underPerforming = List.copyOf(underPerforming);
    }

    /** One change's before and after; deltas are after minus before, null where a side lacks the figure. */
    public record Change(ChangeEvent event, boolean measured, String reason, ImpactWindow before, ImpactWindow after,
            Double executionsPerDayChange, Double executionHoursChange, Double successRateChange,
            Double avgResponseMsChange, BigDecimal costPerExecutionChangeUsd, Double meanRatingChange,
            BigDecimal netBenefitUsd, BigDecimal customizationCostUsd, Double roi) {
    }

    public static BusinessImpact of(List<ChangeEvent> events, List<Point> series, Instant from, Instant to,
            BigDecimal valuePerSuccess, BigDecimal customizationCost) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
        }
        if (valuePerSuccess != null && valuePerSuccess.signum() < 0) {
            throw new IllegalArgumentException("value_per_success must not be negative, was " + valuePerSuccess);
        }
        if (customizationCost != null && customizationCost.signum() < 0) {
            throw new IllegalArgumentException("customization_cost must not be negative, was " + customizationCost);
        }
        LocalDate firstFull = day(from).plusDays(from.equals(day(from).atStartOfDay(ZoneOffset.UTC).toInstant()) ? 0 : 1);
        LocalDate lastFull = day(to).minusDays(1);
        List<ChangeEvent> sorted = events.stream().sorted(Comparator.comparing(ChangeEvent::at)
                .thenComparing(ChangeEvent::id)).toList();
        List<Change> changes = new ArrayList<>();
        for (ChangeEvent e : sorted) {
            LocalDate d = day(e.at());
            LocalDate earliest = max(firstFull, d.minusDays(WINDOW_DAYS));
            LocalDate latest = min(lastFull, d.plusDays(WINDOW_DAYS));
            for (ChangeEvent other : sorted) {
                if (other != e && Objects.equals(other.agentId(), e.agentId())) {
                    LocalDate od = day(other.at());
                    if (other.at().isBefore(e.at()) || (other.at().equals(e.at()) && other.id().compareTo(e.id()) < 0)) {
                        earliest = max(earliest, od.plusDays(1));
                    } else {
                        latest = min(latest, od.minusDays(1));
                    }
                }
            }
            long w = Math.min(ChronoUnit.DAYS.between(earliest, d), ChronoUnit.DAYS.between(d, latest));
            changes.add(change(e, series, (int) Math.max(0, w), valuePerSuccess, customizationCost));
        }
        Comparator<Change> byKey = Comparator.comparingDouble(c -> key(c, valuePerSuccess));
        List<Change> measured = changes.stream().filter(Change::measured).toList();
        List<String> top = measured.stream().filter(c -> key(c, valuePerSuccess) > 0).sorted(byKey.reversed())
                .limit(RANKED).map(c -> c.event().id()).toList();
        List<String> under = measured.stream().filter(c -> key(c, valuePerSuccess) < 0).sorted(byKey)
                .limit(RANKED).map(c -> c.event().id()).toList();
        return new BusinessImpact(changes, top, under);
    }

    private static double key(Change c, BigDecimal valuePerSuccess) {
        if (valuePerSuccess != null) {
            return c.netBenefitUsd().doubleValue();
        }
        return c.successRateChange() == null ? 0 : c.successRateChange();
    }

    private static Change change(ChangeEvent e, List<Point> series, int w, BigDecimal value, BigDecimal defaultCost) {
        LocalDate d = day(e.at());
        if (w < 1) {
            return new Change(e, false, "insufficient data: no whole day on both sides of the change inside the range"
                    + " and between the agent's neighbouring changes", null, null, null, null, null, null, null, null,
                    null, null, null);
        }
        ImpactWindow before = ImpactWindow.empty(d.minusDays(w), d.minusDays(1), w);
        ImpactWindow after = ImpactWindow.empty(d.plusDays(1), d.plusDays(w), w);
        for (Point p : series) {
            if (!Objects.equals(p.agentId(), e.agentId())) {
                continue;
            }
            LocalDate pd = day(p.bucket());
            if (p.configVersion().equals(e.fromVersion()) && within(pd, before)) {
                before = before.plus(p);
            } else if (p.configVersion().equals(e.toVersion()) && within(pd, after)) {
                after = after.plus(p);
            }
        }
        if (before.executions() == 0 || after.executions() == 0) {
            return new Change(e, false, "insufficient data: " + before.executions() + " executions on "
                    + e.fromVersion() + " in the " + w + " days before and " + after.executions() + " on "
                    + e.toVersion() + " in the " + w + " days after", before, after, null, null, null, null, null, null,
                    null, null, null);
        }
        BigDecimal cost = e.workCostUsd() != null ? e.workCostUsd() : defaultCost;
        BigDecimal net = null;
        Double roi = null;
        if (value != null) {
            net = value.multiply(BigDecimal.valueOf(after.successes() - before.successes()))
                    .subtract(after.totalCostUsd().subtract(before.totalCostUsd())).setScale(9, RoundingMode.HALF_EVEN);
            if (cost != null && cost.signum() > 0) {
                roi = net.subtract(cost).divide(cost, MathContext.DECIMAL64).doubleValue();
            }
        }
        return new Change(e, true, "measured over " + w + " days on each side", before, after,
                after.executionsPerDay() - before.executionsPerDay(), after.executionHours() - before.executionHours(),
                after.successRate() - before.successRate(), minus(after.avgResponseMs(), before.avgResponseMs()),
                after.costPerExecutionUsd().subtract(before.costPerExecutionUsd()),
                minus(after.meanRating(), before.meanRating()), net, cost, roi);
    }

    private static Double minus(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    private static boolean within(LocalDate d, ImpactWindow w) {
        return !d.isBefore(w.firstDay()) && !d.isAfter(w.lastDay());
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

}
