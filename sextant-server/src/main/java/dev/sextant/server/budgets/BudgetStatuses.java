package dev.sextant.server.budgets;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Budget;
import dev.sextant.store.SextantStore;
import dev.sextant.store.SpendReader;
import dev.sextant.store.SpendScope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/** Reads a scope's spending history (one query) and turns it into a budget's status or a forecast. */
@Component
class BudgetStatuses {
    private final SpendReader spending;
    private final Clock clock;

    BudgetStatuses(SextantStore store, Clock clock) {
        this.spending = store.spending();
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    BudgetStatus status(WorkspaceId workspace, Budget budget, Instant now) {
        return BudgetStatus.of(budget, history(workspace, budget.spec().scope(), now), now);
    }

    SpendHistory history(WorkspaceId workspace, SpendScope scope, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new SpendHistory(today, spending.daily(workspace, scope, SpendHistory.firstDay(today), today.plusDays(1)));
    }
}
