package dev.sextant.server.budgets;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/budgets/check?agent_id=&model=&estimated_cost_usd=}: may this call spend?
 * Open to agents (ingest:write) and readers (analytics:view) alike.
 */
@RestController
class CheckController {
    static final BigDecimal MAX_ESTIMATE = new BigDecimal("1000000000");
    private static final Set<String> KNOWN = Set.of("agent_id", "model", "estimated_cost_usd");

    private final BudgetCheck check;

    CheckController(BudgetCheck check) {
        this.check = check;
    }

    @GetMapping("/api/v1/budgets/check")
    @RequiresScope({Scope.INGEST_WRITE, Scope.ANALYTICS_VIEW})
    CheckView check(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), KNOWN);
        String agentId = p.text("agent_id");
        String model = p.text("model");
        BigDecimal estimate = p.value("estimated_cost_usd", BigDecimal::new, "a decimal number of USD, e.g. 0.0125");
        if (estimate != null && (estimate.signum() < 0 || estimate.compareTo(MAX_ESTIMATE) > 0)) {
            p.problem("estimated_cost_usd", "estimated_cost_usd must be between 0 and " + MAX_ESTIMATE.toPlainString()
                    + ", was " + estimate.toString());
        } else if (estimate != null && estimate.stripTrailingZeros().scale() > 9) {
            p.problem("estimated_cost_usd", "estimated_cost_usd has more than 9 decimal places");
        }
        p.done();
        return check.check(caller.workspace(), agentId, model, estimate == null ? BigDecimal.ZERO : estimate);
    }
}
