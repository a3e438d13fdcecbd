package dev.sextant.server.training;

import dev.sextant.server.web.QueryParams;
import dev.sextant.server.web.TextFields;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.SextantStore;
import dev.sextant.store.training.RunError;
import dev.sextant.store.training.RunResources;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunPage;
import dev.sextant.store.training.TrainingRunQuery;
import dev.sextant.store.training.TrainingRunStatus;
import dev.sextant.store.training.TrainingRunStore;
import dev.sextant.store.training.TrainingType;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Training runs (issue 7 items 1 and 3): start, list, read with quality, report resources, finish. */
@RestController
@RequestMapping("/api/v1/training/runs")
class RunController {
    static final int DEFAULT_PAGE = 50;

    private final TrainingRunStore runs;
    private final RunLookup lookup;
    private final RunAnalysis analysis;
    private final DataVersions versions;
    private final Clock clock = Clock.systemUTC();

    RunController(SextantStore store, DataVersions versions) {
        this.versions = versions;
        this.runs = store.trainingRuns();
        this.lookup = new RunLookup(runs);
        this.analysis = new RunAnalysis(runs);
    }

    @PostMapping
    @RequiresScope(Scope.INGEST_WRITE)
    ResponseEntity<RunView> create(@AuthenticationPrincipal Caller caller, @RequestBody RunBody body) {
        RunBody.Valid valid = body.validated();
        TrainingRun run = runs.create(caller.workspace(), valid.id(), valid.run(), valid.startedAt());
        return ResponseEntity.status(HttpStatus.CREATED).body(RunView.of(run));
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Runs list(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "agent_id", "status", "training_type", "limit",
                "cursor").withMaxLength(Fields.MAX_PARAMETER);
        String agent = p.text("agent_id");
        TrainingRunStatus status = null;
        TrainingType type = null;
        try {
            status = p.has("status") && p.text("status") != null ? TrainingRunStatus.fromWire(p.text("status")) : null;
        } catch (IllegalArgumentException e) {
            p.problem("status", Fields.shorten(e.getMessage()));
        }
        try {
            type = p.has("training_type") && p.text("training_type") != null
                    ? TrainingType.fromWire(p.text("training_type")) : null;
        } catch (IllegalArgumentException e) {
            p.problem("training_type", Fields.shorten(e.getMessage()));
        }
        Long limit = p.wholeLong("limit", 1, TrainingRunQuery.MAX_LIMIT);
        String cursor = p.text("cursor");
        p.done();
        TrainingRunPage page;
        try {
            page = runs.list(caller.workspace(), new TrainingRunQuery(agent, status, type,
                    limit == null ? DEFAULT_PAGE : limit.intValue(), cursor));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(FieldProblem.parameter("cursor", e.getMessage()));
        }
        return new Runs(page.runs().stream().map(RunView::of).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    RunView get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        TrainingRun run = lookup.find(caller, id);
        return RunView.of(run, analysis.quality(caller.workspace(), run), analysis.prediction(caller.workspace(), run));
    }

    @PutMapping("/{id}/resources")
    @RequiresScope(Scope.INGEST_WRITE)
    RunView resources(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody ResourcesBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        nonNegative("gpu_hours", body.gpuHours(), problems);
        nonNegative("peak_memory_gb", body.peakMemoryGb(), problems);
        if (body.costUsd() != null && (body.costUsd().signum() < 0 || body.costUsd().precision()
                - body.costUsd().scale() > 9)) {
            problems.add(FieldProblem.field("cost_usd", "cost_usd must be from 0 to 999999999.999999999, was "
                    + body.costUsd().toPlainString()));
        }
        if (body.tokensProcessed() != null && body.tokensProcessed() < 0) {
            problems.add(FieldProblem.field("tokens_processed", "tokens_processed must be 0 or more, was "
                    + body.tokensProcessed()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        TrainingRun run = runs.setResources(caller.workspace(), RunLookup.checked(id), new RunResources(body.gpuHours(),
                body.peakMemoryGb(), body.costUsd(), body.tokensProcessed())).orElseThrow(() -> RunLookup.missing(id));
        versions.changed(caller.workspace());
        return RunView.of(run);
    }

    @PostMapping("/{id}/finish")
    @RequiresScope(Scope.INGEST_WRITE)
    RunView finish(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody FinishBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        TrainingRunStatus status = null;
        if (body.status() == null) {
            problems.add(FieldProblem.field("status", "status is required: completed, failed or stopped"));
        } else {
            try {
                status = TrainingRunStatus.fromWire(body.status());
                if (!status.finished()) {
                    problems.add(FieldProblem.field("status", "status must be completed, failed or stopped to finish a run,"
                            + " was 'running'"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.field("status", Fields.shorten(e.getMessage())));
            }
        }
        RunError error = null;
        if (body.error() != null) {
            if (status == TrainingRunStatus.COMPLETED) {
                problems.add(FieldProblem.field("error", "a completed run has no error; finish it as failed or stopped"));
            }
            error = new RunError(TextFields.text("error.type", body.error().type(), 256, false, problems),
                    TextFields.text("error.message", body.error().message(), 10_000, false, problems),
                    TextFields.text("error.traceback", body.error().traceback(), 100_000, false, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        TrainingRun run = runs.finish(caller.workspace(), RunLookup.checked(id), status, error,
                body.endedAt() == null ? clock.instant() : body.endedAt().toInstant())
                .orElseThrow(() -> RunLookup.missing(id));
        versions.changed(caller.workspace()); // wakes the run's live progress streams: they end with "finished"
        return RunView.of(run);
    }

    private static void nonNegative(String field, Double value, List<FieldProblem> problems) {
        if (value != null && !(Double.isFinite(value) && value >= 0)) {
            problems.add(FieldProblem.field(field, field + " must be a finite number, 0 or more, was " + value));
        }
    }

    record Runs(List<RunView> runs, String nextCursor) {}

    record ResourcesBody(Double gpuHours, Double peakMemoryGb, BigDecimal costUsd, Long tokensProcessed) {}

    record FinishBody(String status, RunError error, OffsetDateTime endedAt) {}
}
