package dev.sextant.store;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The calendar period a budget renews over, in UTC: a day, an ISO week (from Monday) or a month. */
public enum BudgetPeriod {
    DAY, WEEK, MONTH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BudgetPeriod fromWire(String value) {
        for (BudgetPeriod p : values()) {
            if (p.wire().equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("period must be one of day, week, month, was '" + value + "'");
    }

    /** The first day of the period holding {@code at} (UTC). */
    public LocalDate firstDay(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day after the period that starts on {@code firstDay}. */
    public LocalDate endDay(LocalDate firstDay) {
        return switch (this) {
            case DAY -> firstDay.plusDays(1);
            case WEEK -> firstDay.plusWeeks(1);
            case MONTH -> firstDay.plusMonths(1);
        };
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
