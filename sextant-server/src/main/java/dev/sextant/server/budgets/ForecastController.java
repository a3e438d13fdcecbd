package dev.sextant.server.budgets;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.SpendScope;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/analytics/forecast?metric=cost&days=30[&agent_id=|&model=]}: the daily cost
 * forecast of the workspace, an agent or a model, with prediction intervals.
 */
@RestController
class ForecastController {
    static final int MAX_DAYS = 366;
    private static final Set<String> KNOWN = Set.of("metric", "days", "agent_id", "model");

    private final BudgetStatuses statuses;

    ForecastController(BudgetStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping("/api/v1/analytics/forecast")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ForecastView forecast(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), KNOWN);
        String metric = p.text("metric");
        if (metric != null && !metric.equals("cost")) {
            p.problem("metric", "metric must be cost (the only forecast metric so far), was '" + QueryParams.shown(metric) + "'");
        }
        Integer days = p.whole("days", 1, MAX_DAYS);
        String agentId = p.text("agent_id");
        String model = p.text("model");
        if (agentId != null && model != null) {
            p.problem("model", "give agent_id or model, not both: a forecast covers one scope");
        }
        p.done();
        SpendScope scope = agentId != null ? SpendScope.agent(agentId)
                : model != null ? SpendScope.model(model) : SpendScope.WORKSPACE;
        int horizon = days == null ? 30 : days;
        Instant now = statuses.now();
        SpendHistory history = statuses.history(caller.workspace(), scope, now);
        return ForecastView.of(scope.wire(), horizon, history, history.forecast(horizon), now);
    }
}
