package dev.sextant.server.efficiency;

import dev.sextant.analytics.models.TransferEffectiveness;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.SextantStore;
import dev.sextant.store.models.ModelEvaluation;
import dev.sextant.store.models.ModelVersion;
import dev.sextant.store.models.ModelVersionStore;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/model-versions/transfer?agent_id=} (issue 7 item 6): the agent's versions
 * produced by transfer learning against its runs trained from scratch; see {@link TransferEffectiveness}.
 */
@RestController
class TransferController {
    private final ModelVersionStore versions;
    private final TrainingRunStore runs;

    TransferController(SextantStore store) {
        this.versions = store.modelVersions();
        this.runs = store.trainingRuns();
    }

    @GetMapping("/api/v1/model-versions/transfer")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    TransferEffectiveness transfer(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "agent_id");
        String agent = p.text("agent_id");
        if (agent == null && !request.getParameterMap().containsKey("agent_id")) {
            p.problem("agent_id", "agent_id is required: the agent whose versions to measure");
        }
        p.done();
        WorkspaceId ws = caller.workspace();
        List<ModelVersion> found = versions.list(ws, agent);
        Map<String, TrainingRun> byId = new LinkedHashMap<>();
        RunSelection.of(runs, ws, agent).runs().forEach(r -> byId.put(r.id(), r));
        for (ModelVersion v : found) {
            if (v.runId() != null && !byId.containsKey(v.runId())) {
                runs.find(ws, v.runId()).ifPresent(r -> byId.put(r.id(), r));
            }
        }
        Map<String, List<ModelEvaluation>> evaluations = versions.evaluationsOfAgent(ws, agent).stream()
                .collect(Collectors.groupingBy(ModelEvaluation::versionId));
        return TransferEffectiveness.of(agent, found, byId, evaluations);
    }
}
