package dev.sextant.server.configperf;

import dev.sextant.analytics.configurations.VersionComparison;
import dev.sextant.analytics.configurations.VersionComparison.BaselineKind;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.ConfigurationPerformance;
import dev.sextant.store.ConfigurationPerformance.Version;
import dev.sextant.store.ConfigurationPerformanceReader;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Configuration performance (issue 6 item 2) from the traces' {@code config_version}: every
 * version seen with its figures, and one version compared with another. A version with no
 * interaction in the caller's workspace (and window) answers 404, like any missing record.
 */
@RestController
@RequestMapping("/api/v1/analytics/config-versions")
class ConfigVersionController {
    private static final Set<String> LIST = Set.of("agent_id", "from", "to", "interval");
    private static final Set<String> COMPARE = Set.of("agent_id", "from", "to", "a", "b");

    private final ConfigurationPerformanceReader reader;
    private final Clock clock;

    ConfigVersionController(SextantStore store, Clock clock) {
        this.reader = store.configurationPerformance();
        this.clock = clock;
    }

    record VersionsView(Instant dataAsOf, List<VersionView> versions, List<VersionView.PointView> series) {}

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    VersionsView versions(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), LIST);
        var query = PerformanceQueries.query(p, p.text("agent_id"), p.time("from"), p.time("to"), List.of(),
                PerformanceQueries.interval(p, "interval"));
        ConfigurationPerformance result = reader.versions(caller.workspace(), query);
        return new VersionsView(asOf(result), result.versions().stream().map(VersionView::of).toList(),
                result.series().stream().map(VersionView.PointView::of).toList());
    }

    @GetMapping("/compare")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ComparisonView compare(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), COMPARE);
        String a = p.required("a");
        String b = p.text("b");
        BaselineKind kind = BaselineKind.CHOSEN;
        if (a != null && b == null && !request.getParameterMap().containsKey("b")) {
            b = VersionComparison.defaultVersionOf(a).orElse(null);
            kind = BaselineKind.DEFAULT;
            if (b == null) {
                p.problem("b", "b is required when a ('" + a + "') is not of the form {configuration_id}-v{n}");
            } else if (b.equals(a)) {
                p.problem("b", "a ('" + a + "') is its configuration's default version; give b to compare it with");
                b = null;
            }
        } else if (a != null && a.equals(b)) {
            p.problem("b", "b must name another version than a, both were '" + a + "'");
        }
        var query = PerformanceQueries.query(p, p.text("agent_id"), p.time("from"), p.time("to"), a == null || b == null ? List.of()
                : List.of(a, b), null);
        ConfigurationPerformance result = reader.versions(caller.workspace(), query);
        Version candidate = one(result, a, "a");
        Version baseline = one(result, b, "b");
        VersionComparison comparison = VersionComparison.of(candidate, baseline, kind);
        return ComparisonView.of(asOf(result), comparison, VersionView.of(candidate), VersionView.of(baseline));
    }

    private static Version one(ConfigurationPerformance result, String version, String parameter) {
        List<Version> found = result.versions().stream().filter(v -> v.configVersion().equals(version)).toList();
        if (found.isEmpty()) {
            throw new NotFoundException("config version", version);
        }
        if (found.size() > 1) {
            throw new InvalidRequestException(List.of(FieldProblem.parameter(parameter, "config version '" + version
                    + "' is used by " + found.size() + " agents ("
                    + String.join(", ", found.stream().map(v -> String.valueOf(v.agentId())).toList())
                    + "); give agent_id to choose one")));
        }
        return found.getFirst();
    }

    private Instant asOf(ConfigurationPerformance result) {
        return result.dataAsOf() == null ? clock.instant() : result.dataAsOf();
    }
}
