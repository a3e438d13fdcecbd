package dev.sextant.server.configperf;

import dev.sextant.analytics.configurations.ParameterImpact;
import dev.sextant.analytics.configurations.ParameterObservation.Outcome;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.Configuration;
import dev.sextant.store.ConfigurationPerformanceQuery;
import dev.sextant.store.ConfigurationPerformanceReader;
import dev.sextant.store.ConfigurationStore;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TrendQuery.Interval;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which behaviour parameters move an outcome, and what to try next (issue 6 item 6): for one
 * configuration's versions, or for every configuration of the workspace (of one agent), one
 * observation per version-day ({@link VersionDays}) through {@link ParameterImpact}.
 */
@RestController
class ParameterImpactController {
    static final Map<String, Outcome> OUTCOMES = Map.of("success_rate", Outcome.SUCCESS, "satisfaction", Outcome.RATING,
            "response_time", Outcome.LATENCY, "cost", Outcome.COST);
    private static final List<String> OUTCOME_NAMES = List.of("success_rate", "satisfaction", "response_time", "cost");

    private final ConfigurationStore configurations;
    private final ConfigurationPerformanceReader reader;
    private final Clock clock;

    ParameterImpactController(SextantStore store, Clock clock) {
        this.configurations = store.configurations();
        this.reader = store.configurationPerformance();
        this.clock = clock;
    }

    @GetMapping("/api/v1/configurations/{id}/parameter-impact")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ParameterImpactAnswer ofConfiguration(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @PathVariable String id) {
        QueryParams p = QueryParams.of(request.getParameterMap(), Set.of("from", "to", "outcome"));
        Outcome outcome = outcome(p);
        DailyRange range = DailyRange.of(p, clock.instant());
        PerformanceQueries.query(p, null, range.from(), range.to(), List.of(), Interval.DAY);
        ConfigurationVersions cv = ConfigurationVersions.load(configurations, caller.workspace(), id);
        return answer(caller.workspace(), id, cv.configuration().agentId(), range, outcome, List.of(cv));
    }

    @GetMapping("/api/v1/analytics/parameter-impact")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ParameterImpactAnswer ofWorkspace(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(),
                Set.of("agent_id", "from", "to", "outcome"));
        String agentId = p.text("agent_id");
        Outcome outcome = outcome(p);
        DailyRange range = DailyRange.of(p, clock.instant());
        PerformanceQueries.query(p, agentId, range.from(), range.to(), List.of(), Interval.DAY);
        List<ConfigurationVersions> all = configurations.list(caller.workspace(), agentId).stream()
                .map(c -> ConfigurationVersions.of(c, configurations.versions(caller.workspace(), c.id()))).toList();
        return answer(caller.workspace(), null, agentId, range, outcome, all);
    }

    private ParameterImpactAnswer answer(WorkspaceId ws, String configurationId, String agentId, DailyRange range,
            Outcome outcome, List<ConfigurationVersions> configs) {
        Map<String, VersionDays.Setting> settings = new HashMap<>();
        for (ConfigurationVersions cv : configs) {
            Configuration c = cv.configuration();
            cv.contents().forEach((version, shape) -> settings.put(version,
                    new VersionDays.Setting(c.agentId(), shape.behaviour())));
        }
        var result = reader.versions(ws, new ConfigurationPerformanceQuery(agentId, range.from(), range.to(), List.of(),
                Interval.DAY));
        VersionDays.Observed observed = VersionDays.of(settings, result.series());
        String name = OUTCOMES.entrySet().stream().filter(e -> e.getValue() == outcome).findFirst().orElseThrow().getKey();
        return ParameterImpactAnswer.of(result.dataAsOf() == null ? clock.instant() : result.dataAsOf(), configurationId, agentId, range, name, List.copyOf(observed.versions()),
                ParameterImpact.analyse(observed.observations(), outcome));
    }

    private static Outcome outcome(QueryParams p) {
        String raw = p.choice("outcome", OUTCOME_NAMES);
        return raw == null ? Outcome.SUCCESS : OUTCOMES.get(raw);
    }
}
