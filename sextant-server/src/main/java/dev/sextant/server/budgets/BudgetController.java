package dev.sextant.server.budgets;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.Budget;
import dev.sextant.store.BudgetSpec;
import dev.sextant.store.BudgetStore;
import dev.sextant.store.SextantStore;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Budgets (issue 4 item 8): create, list, read, replace, delete, each answered with the
 * budget's status in its current period. A change also drops the budget check's cached list.
 */
@RestController
@RequestMapping("/api/v1/budgets")
class BudgetController {
    private final BudgetStore budgets;
    private final BudgetStatuses statuses;
    private final BudgetCheck check;
    private final BudgetAlerts alerts;

    private final AuditTrail audit;

    BudgetController(SextantStore store, BudgetStatuses statuses, BudgetCheck check, BudgetAlerts alerts,
            AuditTrail audit) {
        this.budgets = store.budgets();
        this.audit = audit;
        this.statuses = statuses;
        this.check = check;
        this.alerts = alerts;
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Budgets list(@AuthenticationPrincipal Caller caller) {
        Instant now = statuses.now();
        List<BudgetView> views = budgets.list(caller.workspace()).stream().map(b -> view(caller, b, now)).toList();
        Instant asOf = views.stream().map(v -> v.status().dataAsOf()).max(Instant::compareTo).orElse(now);
        return new Budgets(asOf, views);
    }

    @PostMapping
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<BudgetView> add(@AuthenticationPrincipal Caller caller, @RequestBody BudgetBody body) {
        Budget added = budgets.add(caller.workspace(), body.validated());
        audit.record(caller, "budget.create", "budget", added.id(), AuditTrail.details("name", added.spec().name(), "amount_usd", added.spec().amountUsd()));
        check.forget(caller.workspace());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(caller, added, statuses.now()));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    BudgetView get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return view(caller, find(caller, id), statuses.now());
    }

    @GetMapping("/{id}/status")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    BudgetStatus status(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return statuses.status(caller.workspace(), find(caller, id), statuses.now());
    }

    @PutMapping("/{id}")
    @RequiresScope(Scope.CONFIG_WRITE)
    BudgetView replace(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody BudgetBody body) {
        BudgetSpec spec = body.validated();
        Budget before = find(caller, id);
        Budget replaced = budgets.replace(caller.workspace(), id, spec)
                .orElseThrow(() -> new NotFoundException("budget", id));
        check.forget(caller.workspace());
        audit.record(caller, "budget.update", "budget", id, AuditTrail.details("before_amount_usd", before.spec().amountUsd(), "after_amount_usd", replaced.spec().amountUsd()));
        alerts.forget(caller.workspace(), before, replaced.spec(), statuses.now());
        return view(caller, replaced, statuses.now());
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Budget before = find(caller, id);
        if (!budgets.delete(caller.workspace(), id)) {
            throw new NotFoundException("budget", id);
        }
        audit.record(caller, "budget.delete", "budget", id, AuditTrail.details("name", before.spec().name()));
        check.forget(caller.workspace());
        alerts.forget(caller.workspace(), before, null, statuses.now());
        return ResponseEntity.noContent().build();
    }

    private Budget find(Caller caller, String id) {
        return budgets.find(caller.workspace(), id).orElseThrow(() -> new NotFoundException("budget", id));
    }

    private BudgetView view(Caller caller, Budget budget, Instant now) {
        return BudgetView.of(budget, statuses.status(caller.workspace(), budget, now));
    }

    /** {@code data_as_of}: the newest of the statuses' (the query time when there are no budgets). */
    record Budgets(Instant dataAsOf, List<BudgetView> budgets) {}
}
