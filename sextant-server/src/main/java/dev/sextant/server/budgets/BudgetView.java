package dev.sextant.server.budgets;

import dev.sextant.store.Budget;
import dev.sextant.store.BudgetSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A budget as the API answers it, with its current status. */
record BudgetView(String id, String name, String scope, BigDecimal amountUsd, String period,
        List<BigDecimal> thresholds, String enforcement, Instant createdAt, Instant updatedAt, BudgetStatus status) {

    static BudgetView of(Budget budget, BudgetStatus status) {
        BudgetSpec s = budget.spec();
        return new BudgetView(budget.id(), s.name(), s.scope().wire(), s.amountUsd(), s.period().wire(), s.thresholds(),
                s.enforcement().wire(), budget.createdAt(), budget.updatedAt(), status);
    }
}
