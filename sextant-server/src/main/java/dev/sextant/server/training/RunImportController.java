package dev.sextant.server.training;

import dev.sextant.ingest.training.ImportFormat;
import dev.sextant.ingest.training.ImportedPoint;
import dev.sextant.ingest.training.ImportedRun;
import dev.sextant.ingest.training.TrainingImportTooLargeException;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.SextantStore;
import dev.sextant.store.training.MetricSample;
import dev.sextant.store.training.NewTrainingRun;
import dev.sextant.store.training.RunError;
import dev.sextant.store.training.RunFinishedException;
import dev.sextant.store.training.RunResources;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunStatus;
import dev.sextant.store.training.TrainingRunStore;
import dev.sextant.store.training.TrainingType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training-log imports (issue 7 item 2): a trainer_state.json, metrics.csv or JSON Lines file as
 * the body creates a run, or is appended to a running one. The whole file is checked before
 * anything is stored; see {@link ImportedFile}.
 */
@RestController
class RunImportController {
    private final TrainingRunStore runs;
    private final RunLookup lookup;
    private final DataVersions versions;
    private final long maxBytes;
    private final Clock clock = Clock.systemUTC();

    RunImportController(SextantStore store, DataVersions versions,
            @Value("${sextant.training.import-max-bytes:2147483648}") long maxBytes) {
        this.runs = store.trainingRuns();
        this.lookup = new RunLookup(runs);
        this.versions = versions;
        this.maxBytes = maxBytes;
    }

    @PostMapping("/api/v1/training/runs/import")
    @RequiresScope(Scope.INGEST_WRITE)
    ResponseEntity<ImportView> create(@AuthenticationPrincipal Caller caller, HttpServletRequest request)
            throws IOException {
        QueryParams p = QueryParams.of(QueryString.parameters(request), "format", "training_type", "agent_id", "name",
                "base_model", "id", "status").withMaxLength(Fields.MAX_PARAMETER);
        ImportFormat format = format(p);
        TrainingType type = TrainingType.FINE_TUNING;
        if (p.text("training_type") != null) {
            try {
                type = TrainingType.fromWire(p.text("training_type"));
            } catch (IllegalArgumentException e) {
                p.problem("training_type", Fields.shorten(e.getMessage()));
            }
        }
        String agent = limited(p, "agent_id", RunBody.MAX_TEXT);
        String name = limited(p, "name", 500);
        String baseModel = limited(p, "base_model", RunBody.MAX_TEXT);
        String id = p.text("id");
        if (id != null && !RunBody.ID.matcher(id).matches()) {
            p.problem("id", "id must be 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-', starting with a letter"
                    + " or digit, was '" + Fields.shorten(id) + "'");
        }
        String status = p.text("status");
        if (status != null && !status.equals("completed") && !status.equals("running")) {
            p.problem("status", "status must be completed (the default) or running, was '" + Fields.shorten(status) + "'");
        }
        p.done();
        checkLength(request);
        WorkspaceId ws = caller.workspace();
        try (ImportedFile file = ImportedFile.receive(request.getInputStream(), format, maxBytes)) {
            ImportedRun facts = file.check();
            ImportedHyperparameters.Result params = ImportedHyperparameters.of(facts.hyperparameters());
            Long totalSteps = facts.totalSteps() != null ? facts.totalSteps()
                    : facts.lastStep() != null && facts.lastStep() >= 1 ? facts.lastStep() : null;
            TrainingRun run = runs.create(ws, id, new NewTrainingRun(agent, name, baseModel, type, params.values(), null,
                    totalSteps, Map.of("imported_format", format.wireName())), null);
            ImportedRun imported = appendAll(ws, run.id(), file, true);
            Double tokens = facts.summary().get("num_input_tokens_seen");
            if (tokens != null && tokens >= 1 && tokens < Long.MAX_VALUE) {
                runs.setResources(ws, run.id(), new RunResources(null, null, null, tokens.longValue()));
            }
            boolean keepRunning = "running".equals(status);
            if (!keepRunning) {
                runs.finish(ws, run.id(), TrainingRunStatus.COMPLETED, null, clock.instant());
            }
            versions.changed(ws);
            return ResponseEntity.status(HttpStatus.CREATED).body(ImportView.of(run.id(), keepRunning ? "running"
                    : "completed", imported, params.values(), totalSteps, params.problems()));
        }
    }

    @PostMapping("/api/v1/training/runs/{id}/import")
    @RequiresScope(Scope.INGEST_WRITE)
    ImportView append(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request)
            throws IOException {
        QueryParams p = QueryParams.of(QueryString.parameters(request), "format").withMaxLength(Fields.MAX_PARAMETER);
        ImportFormat format = format(p);
        p.done();
        TrainingRun run = lookup.find(caller, id);
        if (run.status().finished()) {
            throw new RunFinishedException(id, run.status(), "files are imported only into a running run");
        }
        checkLength(request);
        WorkspaceId ws = caller.workspace();
        try (ImportedFile file = ImportedFile.receive(request.getInputStream(), format, maxBytes)) {
            ImportedRun facts = file.check();
            ImportedHyperparameters.Result params = ImportedHyperparameters.of(facts.hyperparameters());
            List<ImportView.ProblemView> problems = new ArrayList<>(params.problems());
            Map<String, Object> held = run.spec().hyperparameters();
            for (Map.Entry<String, Object> e : params.values().entrySet()) {
                Object current = held.get(e.getKey());
                if (!held.containsKey(e.getKey())) {
                    runs.setParam(ws, id, e.getKey(), e.getValue());
                } else if (!Objects.equals(String.valueOf(current), String.valueOf(e.getValue()))) {
                    problems.add(new ImportView.ProblemView(null, "/hyperparameters/" + Fields.token(e.getKey()),
                            "hyperparameters." + e.getKey() + " is " + Fields.shorten(String.valueOf(current))
                                    + " on the run, the file says " + Fields.shorten(String.valueOf(e.getValue()))
                                    + "; kept the run's"));
                }
            }
            ImportedRun imported = appendAll(ws, id, file, false);
            versions.changed(ws);
            return ImportView.of(id, TrainingRunStatus.RUNNING.wire(), imported,
                    runs.find(ws, id).map(r -> r.spec().hyperparameters()).orElse(held), run.spec().totalSteps(), problems);
        }
    }

    /**
     * Appends the file's points in batches (one transaction each). When that fails half-way on a
     * run this import created, the run is marked failed with the reason, so a partial run never
     * looks complete.
     */
    private ImportedRun appendAll(WorkspaceId ws, String runId, ImportedFile file, boolean created) {
        try {
            return file.read(batch -> runs.append(ws, runId, samples(batch))
                    .orElseThrow(() -> RunLookup.missing(runId)));
        } catch (RuntimeException e) {
            if (created) {
                runs.finish(ws, runId, TrainingRunStatus.FAILED, new RunError("import_failed",
                        "the import stopped while storing points: " + e.getMessage(), null), clock.instant());
            }
            throw e;
        }
    }

    private static List<MetricSample> samples(List<ImportedPoint> batch) {
        List<MetricSample> samples = new ArrayList<>(batch.size());
        for (ImportedPoint pt : batch) {
            samples.add(new MetricSample(pt.step(), pt.epoch(), pt.name(), pt.value(), pt.timestamp()));
        }
        return samples;
    }

    private static ImportFormat format(QueryParams p) {
        String raw = p.text("format");
        if (raw == null) {
            if (!p.has("format")) {
                p.problem("format", "format is required: hf_trainer_state, csv or jsonl");
            }
            return null;
        }
        try {
            return ImportFormat.fromWire(raw);
        } catch (IllegalArgumentException e) {
            p.problem("format", Fields.shorten(e.getMessage()));
            return null;
        }
    }

    private static String limited(QueryParams p, String name, int max) {
        String value = p.text(name, max);
        return value == null ? null : value.strip();
    }

    private void checkLength(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBytes) {
            throw new TrainingImportTooLargeException(maxBytes);
        }
    }
}
