package dev.sextant.server.analytics;

import dev.sextant.analytics.ModelSubstitution;
import dev.sextant.analytics.SubstitutionSettings;
import dev.sextant.cost.CatalogCostAccountant;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.CostAnalysisReader;
import dev.sextant.store.CostBreakdown;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.ModelOutcomes;
import dev.sextant.store.ModelOutcomes.TaskKind;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TokenWaste;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cost optimisation (issue 4 item 9): model substitution recommendations tested for
 * non-inferiority, the most expensive operations, cost per conversation / session / user / tag /
 * metadata value, and token waste. Every answer carries {@code data_as_of}.
 */
@RestController
@RequestMapping("/api/v1/analytics/costs")
class CostAnalysisController {
    static final Duration VOLUME_WINDOW = Duration.ofDays(30);

    private final CostAnalysisReader reader;
    private final CatalogCostAccountant prices;
    private final Clock clock;

    CostAnalysisController(SextantStore store, CatalogCostAccountant prices, Clock clock) {
        this.reader = store.costAnalysis();
        this.prices = prices;
        this.clock = clock;
    }

    @GetMapping("/recommendations")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    CostRecommendationsView recommendations(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        CostParameters p = CostParameters.of(request.getParameterMap(), "task", "limit", "success_margin",
                "handoff_margin", "rating_margin");
        String rawTask = p.text("task");
        TaskKind task = rawTask == null ? TaskKind.NAME : TaskKind.fromWire(rawTask).orElse(null);
        if (task == null) {
            p.problem("task", "task must be one of name, intent, was '" + rawTask + "'");
        }
        int limit = p.limit();
        SubstitutionSettings settings = SubstitutionSettings.DEFAULT.withMargins(p.decimal("success_margin", 0, 1),
                p.decimal("handoff_margin", 0, 1), p.decimal("rating_margin", 0, 100));
        InteractionQuery filter = p.filters();
        Instant now = clock.instant();
        Instant volumeTo = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        ModelOutcomes.Query query = new ModelOutcomes.Query(filter, task, volumeTo.minus(VOLUME_WINDOW), volumeTo);
        ModelOutcomes outcomes = reader.modelOutcomes(caller.workspace(), query);
        return CostRecommendationsView.of(outcomes, query, settings, ModelSubstitution.compareAll(outcomes, settings),
                limit, now);
    }

    @GetMapping("/operations")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    CostOperationsView operations(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        CostParameters p = CostParameters.of(request.getParameterMap(), "limit");
        int limit = p.limit();
        return CostOperationsView.of(reader.operations(caller.workspace(), p.filters(), limit), clock.instant());
    }

    @GetMapping("/breakdown")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    CostBreakdownView breakdown(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        CostParameters p = CostParameters.of(request.getParameterMap(), "by", "limit");
        String by = p.text("by");
        CostBreakdown.Grouping grouping = by == null ? null : CostGroupings.parse(by, p);
        if (by == null && !request.getParameterMap().containsKey("by")) {
            p.problem("by", "by is required: " + CostGroupings.VALID);
        }
        int limit = p.limit();
        InteractionQuery filter = p.filters();
        return CostBreakdownView.of(reader.breakdown(caller.workspace(), filter, grouping, limit), by, clock.instant());
    }

    @GetMapping("/waste")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    CostWasteView waste(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        CostParameters p = CostParameters.of(request.getParameterMap(), "limit", "min_turns");
        int limit = p.limit();
        int minTurns = p.integer("min_turns", 3, 2, 10_000);
        InteractionQuery filter = p.filters();
        TokenWaste waste = reader.waste(caller.workspace(), filter, minTurns, limit);
        return CostWasteView.of(waste, minTurns, CostCacheUse.of(caller.workspace(), waste.cache(), prices),
                clock.instant());
    }
}
