package dev.sextant.server.budgets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Budget;
import dev.sextant.store.BudgetPeriod;
import dev.sextant.store.BudgetSpec;
import dev.sextant.store.BudgetSpec.Enforcement;
import dev.sextant.store.BudgetStore;
import dev.sextant.store.SextantStore;
import dev.sextant.store.SpendReader;
import dev.sextant.store.SpendScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The cheap budget check: which budgets a call by {@code agent_id} to {@code model} spends from
 * (the workspace's, the agent's, the model's), and for each whether the estimated cost on top of
 * what was spent this period crosses a threshold (warn) or, for an enforced budget, exceeds the
 * amount (deny). A workspace's budgets and each (scope, period) spent-so-far are cached for
 * {@code sextant.budgets.check-cache-ttl} (default 5 s), so a check usually touches no database;
 * the spent figure may lag the newest committed traces by up to that long, and the answer's
 * {@code data_as_of} says when the oldest figure used was read. Budget changes made through this
 * server drop the workspace's cached list at once.
 */
@Component
class BudgetCheck {
    private final BudgetStore budgets;
    private final SpendReader spending;
    private final Clock clock;
    private final Cache<WorkspaceId, List<Budget>> budgetCache;
    private final Cache<SpentKey, Spent> spentCache;

    private record SpentKey(WorkspaceId workspace, SpendScope scope, LocalDate firstDay, LocalDate endDay) {}

    private record Spent(BigDecimal usd, Instant readAt) {}

    BudgetCheck(SextantStore store, Clock clock, BudgetSettings settings) {
        this.budgets = store.budgets();
        this.spending = store.spending();
        this.clock = clock;
        this.budgetCache = Caffeine.newBuilder().expireAfterWrite(settings.checkCacheTtl()).maximumSize(10_000).build();
        this.spentCache = Caffeine.newBuilder().expireAfterWrite(settings.checkCacheTtl()).maximumSize(100_000).build();
    }

    void forget(WorkspaceId workspace) {
        budgetCache.invalidate(workspace);
    }

    CheckView check(WorkspaceId workspace, String agentId, String model, BigDecimal estimate) {
        Instant now = clock.instant();
        Instant asOf = now;
        List<CheckView.Applied> applied = new ArrayList<>();
        for (Budget budget : budgetCache.get(workspace, budgets::list)) {
            BudgetSpec spec = budget.spec();
            if (!spec.scope().covers(agentId, model)) {
                continue;
            }
            LocalDate first = spec.period().firstDay(now);
            LocalDate end = spec.period().endDay(first);
            Spent spent = spentCache.get(new SpentKey(workspace, spec.scope(), first, end), k -> new Spent(
                    spending.spent(workspace, k.scope(), BudgetPeriod.startOf(first), BudgetPeriod.startOf(end)).costUsd(),
                    clock.instant()));
            if (spent.readAt().isBefore(asOf)) {
                asOf = spent.readAt();
            }
            applied.add(applied(budget, spent.usd(), estimate, first, end));
        }
        return CheckView.of(estimate, applied, asOf);
    }

    private static CheckView.Applied applied(Budget budget, BigDecimal spent, BigDecimal estimate, LocalDate first,
            LocalDate end) {
        BudgetSpec spec = budget.spec();
        BigDecimal after = spent.add(estimate);
        boolean over = after.compareTo(spec.amountUsd()) > 0;
        List<BigDecimal> crossed = BudgetStatus.crossed(spec, after);
        Decision decision = over && spec.enforcement() == Enforcement.ENFORCE ? Decision.DENY
                : over || !crossed.isEmpty() ? Decision.WARN : Decision.ALLOW;
        return new CheckView.Applied(budget.id(), spec.name(), spec.scope().wire(), spec.period().wire(),
                spec.enforcement().wire(), BudgetPeriod.startOf(first), BudgetPeriod.startOf(end), spec.amountUsd(),
                spent, spec.amountUsd().subtract(spent), crossed, decision.wire());
    }
}
