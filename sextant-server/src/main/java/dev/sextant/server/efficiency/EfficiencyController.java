package dev.sextant.server.efficiency;

import dev.sextant.analytics.training.EfficiencyReport;
import dev.sextant.analytics.training.EfficiencyRun;
import dev.sextant.analytics.training.MetricPoint;
import dev.sextant.analytics.training.TrainingEfficiency;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.SextantStore;
import dev.sextant.store.training.MetricQuery;
import dev.sextant.store.training.MetricSample;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/training/efficiency} (issue 7 item 7): the workspace's finished runs started
 * in [from, to), of one agent when asked, oldest start first (then id), through {@link TrainingEfficiency}.
 */
@RestController
class EfficiencyController {
    private final TrainingRunStore runs;

    EfficiencyController(SextantStore store) {
        this.runs = store.trainingRuns();
    }

    @GetMapping("/api/v1/training/efficiency")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    EfficiencyView efficiency(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "from", "to", "agent_id");
        Instant from = p.time("from");
        Instant to = p.time("to");
        String agent = p.text("agent_id");
        if (from != null && to != null && !to.isAfter(from)) {
            p.problem("to", "to (" + to + ") must be after from (" + from + ")");
        }
        p.done();
        WorkspaceId ws = caller.workspace();
        RunSelection.Selected selected = RunSelection.of(runs, ws, agent);
        List<EfficiencyRun> input = new ArrayList<>();
        List<TrainingRun> ordered = new ArrayList<>(selected.runs());
        ordered.sort(java.util.Comparator.comparing(TrainingRun::startedAt).thenComparing(TrainingRun::id));
        for (TrainingRun r : ordered) {
            Instant started = r.startedAt();
            if (!r.status().finished() || (from != null && started.isBefore(from)) || (to != null && !started.isBefore(to))) {
                continue;
            }
            input.add(input(ws, r));
        }
        EfficiencyReport report = TrainingEfficiency.analyze(input);
        return EfficiencyView.of(from, to, agent, selected.truncated(), report);
    }

    private EfficiencyRun input(WorkspaceId ws, TrainingRun r) {
        List<MetricSample> samples = runs.points(ws, r.id(), new MetricQuery(List.of(MetricPoint.VALIDATION_LOSS), null,
                null, MetricQuery.MAX_LIMIT, null)).points();
        List<MetricPoint> validation = new ArrayList<>(samples.size());
        for (MetricSample s : samples) {
            validation.add(new MetricPoint(s.step(), s.epoch() == null ? Double.NaN : s.epoch(), s.name(), s.value()));
        }
        Map<String, Object> h = r.spec().hyperparameters();
        Long batch = h.get("batch_size") instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= 1 ? n.longValue() : null;
        Double epochs = h.get("epochs") instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() > 0
                ? n.doubleValue() : null;
        var res = r.resources();
        return new EfficiencyRun(r.id(), r.spec().name(), batch, epochs, res.gpuHours() == null ? Double.NaN
                : res.gpuHours(), res.costUsd() == null ? Double.NaN : res.costUsd().doubleValue(),
                res.tokensProcessed() == null ? Double.NaN : res.tokensProcessed(), validation);
    }
}
