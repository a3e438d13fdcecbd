package dev.sextant.server.models;

import dev.sextant.analytics.models.ModelComparison;
import dev.sextant.analytics.models.ModelComparison.BaselineKind;
import dev.sextant.analytics.models.ModelTimeline;
import dev.sextant.analytics.models.ProductionDrift;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.ConflictException;
import dev.sextant.store.SextantStore;
import dev.sextant.store.models.ModelVersion;
import dev.sextant.store.models.ModelVersionStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Model versions analysed: comparison with the parent (or a chosen version), drift, the agent's timeline. */
@RestController
@RequestMapping("/api/v1/model-versions")
class ModelAnalysisController {
    private final ModelVersionStore versions;
    private final VersionLookup lookup;
    private final ProductionDays production;
    private final Clock clock = Clock.systemUTC();

    ModelAnalysisController(SextantStore store) {
        this.versions = store.modelVersions();
        this.lookup = new VersionLookup(versions);
        this.production = new ProductionDays(store.modelReliability());
    }

    @GetMapping("/{id}/comparison")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ComparisonView comparison(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "against");
        String against = p.text("against");
        if (id.equals(against)) {
            p.problem("against", "against names the version itself ('" + id + "'); name another version");
        }
        p.done();
        ModelVersion candidate = lookup.find(caller, id);
        BaselineKind kind = against == null ? BaselineKind.PARENT : BaselineKind.CHOSEN;
        if (against == null && candidate.parentVersionId() == null) {
            throw new ConflictException("model version '" + id + "' has no parent version; name one to compare"
                    + " against with ?against=<id>");
        }
        ModelVersion baseline = lookup.find(caller, against == null ? candidate.parentVersionId() : against);
        WorkspaceId ws = caller.workspace();
        Instant now = clock.instant();
        ModelComparison c = ModelComparison.of(candidate.id(), baseline.id(), kind, versions.evaluations(ws, candidate.id()),
                versions.evaluations(ws, baseline.id()), production.of(ws, candidate, now), production.of(ws, baseline, now));
        return ComparisonView.of(candidate, baseline, c);
    }

    @GetMapping("/{id}/drift")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    DriftView drift(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request) {
        QueryParams.none(request.getParameterMap());
        ModelVersion v = lookup.find(caller, id);
        Instant now = clock.instant();
        if (v.deployedAt() == null || v.deployedAt().isAfter(now)) {
            throw new ConflictException("model version '" + id + "' is not deployed yet (deployed_at is "
                    + (v.deployedAt() == null ? "not set" : v.deployedAt() + ", in the future")
                    + "); drift is measured from its deployment");
        }
        return DriftView.of(v, ProductionDrift.of(v.deployedAt(), production.of(caller.workspace(), v, now)));
    }

    @GetMapping("/timeline")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ModelTimeline timeline(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "agent_id", "window");
        String agent = p.text("agent_id");
        if (agent == null && !request.getParameterMap().containsKey("agent_id")) {
            p.problem("agent_id", "agent_id is required: the agent whose versions to show");
        }
        Integer window = p.whole("window", 1, ModelTimeline.MAX_WINDOW, ModelTimeline.DEFAULT_WINDOW);
        p.done();
        List<ModelVersion> found = versions.list(caller.workspace(), agent);
        if (found.isEmpty()) {
            throw ModelVersionController.noVersions(agent);
        }
        return ModelTimeline.of(agent, found, versions.evaluationsOfAgent(caller.workspace(), agent), window);
    }
}
