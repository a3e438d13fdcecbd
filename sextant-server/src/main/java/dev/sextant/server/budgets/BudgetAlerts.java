package dev.sextant.server.budgets;

import dev.sextant.model.WorkspaceId;
import dev.sextant.server.alerts.AlertProducer;
import dev.sextant.server.alerts.AlertRaiser;
import dev.sextant.store.AlertSignal;
import dev.sextant.store.Budget;
import dev.sextant.store.BudgetSpec;
import dev.sextant.store.BudgetStore;
import dev.sextant.store.Severity;
import dev.sextant.store.SextantStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Budget threshold alerts (issue 4 item 8): on every alert round, each threshold a budget has
 * crossed in its current period is one open alert (key {@code budget:<id>:<threshold>}), so
 * crossing 50%, then 80%, then 100% notifies three times, each once; a threshold no longer crossed
 * (a new period began, the amount was raised) resolves its alert. Severity: info below 80%,
 * warning from 80%, critical from 100%.
 */
@Component
class BudgetAlerts implements AlertProducer {
    static final String SOURCE = "budget";
    private static final Logger log = LoggerFactory.getLogger(BudgetAlerts.class);

    private final BudgetStore budgets;
    private final BudgetStatuses statuses;
    private final AlertRaiser raiser;
    private final JsonMapper json;

    BudgetAlerts(SextantStore store, BudgetStatuses statuses, AlertRaiser raiser, JsonMapper json) {
        this.budgets = store.budgets();
        this.statuses = statuses;
        this.raiser = raiser;
        this.json = json;
    }

    @Override
    public String name() {
        return "budgets";
    }

    @Override
    public void produce(WorkspaceId workspace, Instant now) {
        for (Budget budget : budgets.list(workspace)) {
            try {
                BudgetStatus status = statuses.status(workspace, budget, now);
                for (BigDecimal threshold : budget.spec().thresholds()) {
                    String key = key(budget.id(), threshold);
                    if (status.thresholdsCrossed().contains(threshold)) {
                        raiser.raise(workspace, signal(budget, threshold, status), now);
                    } else {
                        raiser.resolve(workspace, key, now);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("budget {} alerts: {}", budget.id(), e.toString());
            }
        }
    }

    /** Resolves the alerts of thresholds the budget no longer has ({@code now} null: deleted, all of them). */
    void forget(WorkspaceId workspace, Budget before, BudgetSpec now, Instant at) {
        for (BigDecimal threshold : before.spec().thresholds()) {
            if (now == null || !now.thresholds().contains(threshold)) {
                raiser.resolve(workspace, key(before.id(), threshold), at);
            }
        }
    }

    static String key(String budgetId, BigDecimal threshold) {
        return "budget:" + budgetId + ":" + threshold.stripTrailingZeros().toPlainString();
    }

    private AlertSignal signal(Budget budget, BigDecimal threshold, BudgetStatus status) {
        BudgetSpec spec = budget.spec();
        String title = String.format(Locale.ROOT, "Budget %s (%s, per %s) is at %.0f%%: $%s of $%s spent, past its %s%% threshold",
                spec.name(), spec.scope().wire(), spec.period().wire(), status.usedFraction() * 100,
                status.spentUsd().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                spec.amountUsd().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                threshold.movePointRight(2).stripTrailingZeros().toPlainString());
        Severity severity = threshold.compareTo(BigDecimal.ONE) >= 0 ? Severity.CRITICAL
                : threshold.compareTo(new BigDecimal("0.8")) >= 0 ? Severity.WARNING : Severity.INFO;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("budget_id", budget.id());
        details.put("threshold", threshold);
        details.put("spent_usd", status.spentUsd());
        details.put("amount_usd", spec.amountUsd());
        details.put("used_fraction", status.usedFraction());
        details.put("period_start", status.periodStart().toString());
        details.put("period_end", status.periodEnd().toString());
        details.put("enforcement", spec.enforcement().wire());
        return new AlertSignal(key(budget.id(), threshold), SOURCE, null, title, severity, status.usedFraction(),
                json.writeValueAsString(details));
    }
}
