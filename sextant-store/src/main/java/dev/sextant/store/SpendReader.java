package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What was spent, in USD, by the interactions that started in a time range, within a
 * {@link SpendScope}: for the workspace and an agent the traces' rolled-up {@code cost_usd}; for
 * a model the {@code cost_usd} of the spans that called it (placed at their trace's start).
 */
public interface SpendReader {

    /** The total over traces started in {@code [from, to)}. */
    Spend spent(WorkspaceId workspace, SpendScope scope, Instant from, Instant to);

    /** One entry per UTC day of {@code [firstDay, endDay)}, days without traces at zero. */
    DailySpend daily(WorkspaceId workspace, SpendScope scope, LocalDate firstDay, LocalDate endDay);

    /** {@code newest}: the latest trace start counted, null when none. */
    record Spend(BigDecimal costUsd, long traces, Instant newest) {}

    record DailySpend(List<Day> days, Instant newest) {
        public DailySpend {
            days = List.copyOf(days);
        }
    }

    /** {@code traces}: interactions started that day in the scope (for a model: those that called it). */
    record Day(LocalDate day, BigDecimal costUsd, long traces) {}
}
