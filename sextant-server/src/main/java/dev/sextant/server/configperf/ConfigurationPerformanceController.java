package dev.sextant.server.configperf;

import dev.sextant.analytics.configurations.VersionComparison.BaselineKind;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.ConfigurationPerformance;
import dev.sextant.store.ConfigurationPerformance.Version;
import dev.sextant.store.ConfigurationPerformanceQuery;
import dev.sextant.store.ConfigurationPerformanceReader;
import dev.sextant.store.ConfigurationStore;
import dev.sextant.store.ConfigurationVersion;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How each version of one configuration performed (issue 6 item 2), from the traces of the
 * configuration's agent stamped with the version's id: its figures, and its comparison with its
 * parent and with the default (version 1), each with the customization level of its content.
 */
@RestController
class ConfigurationPerformanceController {
    private static final Set<String> KNOWN = Set.of("from", "to");

    private final ConfigurationStore configurations;
    private final ConfigurationPerformanceReader reader;
    private final Clock clock;

    ConfigurationPerformanceController(SextantStore store, Clock clock) {
        this.configurations = store.configurations();
        this.reader = store.configurationPerformance();
        this.clock = clock;
    }

    record PerformanceView(String configurationId, String agentId, String defaultVersion, int activeVersion,
            Instant from, Instant to, Instant dataAsOf, List<VersionPerformance> versions) {}

    record VersionPerformance(int version, String versionId, Integer parentVersion, String parentVersionId,
            boolean active, FiguresView figures, VersionAgainst againstParent, VersionAgainst againstDefault) {}

    @GetMapping("/api/v1/configurations/{id}/performance")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    PerformanceView performance(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @PathVariable String id) {
        QueryParams p = QueryParams.of(request.getParameterMap(), KNOWN);
        Instant from = p.time("from");
        Instant to = p.time("to");
        PerformanceQueries.query(p, null, from, to, List.of(), null);
        ConfigurationVersions cv = ConfigurationVersions.load(configurations, caller.workspace(), id);
        ConfigurationPerformance result = reader.versions(caller.workspace(),
                new ConfigurationPerformanceQuery(cv.configuration().agentId(), from, to, List.of(), null));
        Map<String, Version> figures = result.versions().stream().filter(v -> cv.contents().containsKey(v.configVersion()))
                .collect(Collectors.toMap(Version::configVersion, Function.identity()));
        String defaultId = cv.defaultVersionId();
        List<VersionPerformance> versions = cv.versions().stream().map(v -> {
            String parentId = v.parentVersion() == null ? null
                    : ConfigurationVersion.versionId(v.configurationId(), v.parentVersion());
            return new VersionPerformance(v.number(), v.versionId(), v.parentVersion(), parentId, v.active(),
                    FiguresView.of(figures.get(v.versionId())),
                    parentId == null ? null : against(cv, figures, v.versionId(), parentId, BaselineKind.PARENT),
                    v.versionId().equals(defaultId) ? null
                            : against(cv, figures, v.versionId(), defaultId, BaselineKind.DEFAULT));
        }).toList();
        Instant asOf = figures.values().stream().map(Version::lastSeen).filter(t -> t != null)
                .max(Instant::compareTo).orElse(clock.instant());
        return new PerformanceView(id, cv.configuration().agentId(), defaultId, cv.configuration().activeVersion(),
                from, to, asOf, versions);
    }

    private static VersionAgainst against(ConfigurationVersions cv, Map<String, Version> figures, String candidate,
            String baseline, BaselineKind kind) {
        return VersionAgainst.of(candidate, cv.contents().get(candidate), figures.get(candidate), baseline,
                cv.contents().get(baseline), figures.get(baseline), kind);
    }
}
