package dev.sextant.server.configperf;

import dev.sextant.analytics.configurations.BusinessImpact;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.configperf.Activations.Activation;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.Configuration;
import dev.sextant.store.ConfigurationPerformanceQuery;
import dev.sextant.store.ConfigurationPerformanceReader;
import dev.sextant.store.ConfigurationStore;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TrendQuery.Interval;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What each customization that went live did to the business (issue 6 item 7): the activations
 * and rollbacks of the workspace's configurations in the range, each measured on the daily series
 * of its agent's versions before and after it through {@link BusinessImpact}, with ROI when the
 * caller values a success and prices the customization work.
 */
@RestController
class BusinessImpactController {
    private static final Set<String> KNOWN = Set.of("from", "to", "agent_id", "value_per_success", "customization_cost");

    private final ConfigurationStore configurations;
    private final ConfigurationPerformanceReader reader;
    private final Clock clock;

    BusinessImpactController(SextantStore store, Clock clock) {
        this.configurations = store.configurations();
        this.reader = store.configurationPerformance();
        this.clock = clock;
    }

    record BusinessImpactAnswer(Instant dataAsOf, Instant from, Instant to, String agentId, BigDecimal valuePerSuccess,
            BigDecimal customizationCost, int windowDays, List<BusinessImpactView.ChangeView> changes, List<String> top,
            List<String> underPerforming) {}

    @GetMapping("/api/v1/analytics/business-impact")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    BusinessImpactAnswer impact(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), KNOWN);
        String agentId = p.text("agent_id");
        BigDecimal value = p.money("value_per_success");
        BigDecimal cost = p.money("customization_cost");
        DailyRange range = DailyRange.of(p, clock.instant());
        var query = PerformanceQueries.query(p, agentId, range.from(), range.to(), List.of(), Interval.DAY);
        Map<String, String> agents = configurations.list(caller.workspace(), agentId).stream()
                .collect(Collectors.toMap(Configuration::id, Configuration::agentId));
        List<Activation> activations = Activations.of(
                configurations.eventsBetween(caller.workspace(), range.from(), range.to()), agents);
        var result = reader.versions(caller.workspace(), query);
        BusinessImpact impact = BusinessImpact.of(activations.stream().map(Activation::event).toList(), result.series(),
                range.from(), range.to(), value, cost);
        Map<String, Activation> byId = activations.stream()
                .collect(Collectors.toMap(a -> a.event().id(), a -> a));
        BusinessImpactView view = BusinessImpactView.of(impact, byId);
        Instant asOf = activations.stream().map(a -> a.event().at()).max(Instant::compareTo).orElse(null);
        if (result.dataAsOf() != null && (asOf == null || result.dataAsOf().isAfter(asOf))) {
            asOf = result.dataAsOf();
        }
        return new BusinessImpactAnswer(asOf == null ? clock.instant() : asOf, range.from(), range.to(), agentId, value, cost, BusinessImpact.WINDOW_DAYS,
                view.changes(), view.top(), view.underPerforming());
    }
}
