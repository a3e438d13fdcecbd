package dev.sextant.server.experiments;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.ConflictException;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentQuery;
import dev.sextant.store.ExperimentStatus;
import dev.sextant.store.ExperimentStore;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A/B experiments (issue 6 item 4): define, list, read, edit while a draft, start, stop, delete a
 * draft. Assignment and power are {@link AssignmentController} and {@link PowerController}.
 */
@RestController
@RequestMapping("/api/v1/experiments")
class ExperimentController {
    private final ExperimentStore experiments;
    private final ExperimentLookup lookup;
    private final ConfigurationVersions versions;
    private final Clock clock = Clock.systemUTC();

    private final AuditTrail audit;

    ExperimentController(SextantStore store, ConfigurationVersions versions, AuditTrail audit) {
        this.experiments = store.experiments();
        this.audit = audit;
        this.lookup = new ExperimentLookup(experiments);
        this.versions = versions;
    }

    @PostMapping
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<ExperimentView> create(@AuthenticationPrincipal Caller caller, @RequestBody ExperimentBody body) {
        ExperimentBody.Valid valid = body.validated(caller.workspace(), versions);
        Experiment added = experiments.add(caller.workspace(), valid.id(), valid.spec(),
                valid.start() ? ExperimentStatus.RUNNING : ExperimentStatus.DRAFT);
        audit.record(caller, "experiment.create", "experiment", added.id(), AuditTrail.details("status", added.status().wire()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ExperimentView.of(added, null));
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Experiments list(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "status", "agent_id");
        String status = p.text("status");
        String agent = p.text("agent_id");
        ExperimentStatus parsed = null;
        if (status != null) {
            try {
                parsed = ExperimentStatus.fromWire(status);
            } catch (IllegalArgumentException e) {
                p.problem("status", ExperimentBody.shorten(e.getMessage()));
            }
        }
        p.done();
        return new Experiments(experiments.list(caller.workspace(), new ExperimentQuery(parsed, agent)).stream()
                .map(e -> ExperimentView.of(e, null)).toList());
    }

    /**
     * One experiment, with an ETag of its last change: a client that sends it back in
     * {@code If-None-Match} gets 304 without a body while the experiment is unchanged (the SDK's
     * cached definition revalidates this way).
     */
    @GetMapping("/{id}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ResponseEntity<ExperimentView> get(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "baseline");
        Double baseline = p.number("baseline");
        if (baseline != null && !(baseline > 0 && baseline < 1)) {
            p.problem("baseline", "baseline must be strictly between 0 and 1, was " + baseline);
        }
        p.done();
        Experiment e = lookup.find(caller, id);
        String etag = ExperimentETag.of(e, baseline);
        if (ExperimentETag.matches(request.getHeader("If-None-Match"), etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(ExperimentView.of(e, baseline));
    }

    @PutMapping("/{id}")
    @RequiresScope(Scope.CONFIG_WRITE)
    ExperimentView edit(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody ExperimentBody body) {
        if (body.start() != null) {
            throw InvalidRequestException.of(FieldProblem.field("start", "start is only for POST /api/v1/experiments;"
                    + " start a draft with POST /api/v1/experiments/{id}/start"));
        }
        if (body.id() != null && !body.id().equals(id)) {
            throw InvalidRequestException.of(FieldProblem.field("id", "id in the body ('" + ExperimentBody.shorten(body.id())
                    + "') differs from the id in the path ('" + id + "'); an experiment's id cannot change"));
        }
        ExperimentBody.Valid valid = body.validated(caller.workspace(), versions);
        lookup.draft(caller, id, "edited");
        ExperimentView edited = experiments.replaceDraft(caller.workspace(), id, valid.spec()).map(e -> ExperimentView.of(e, null))
                .orElseThrow(() -> lookup.notADraftAnyMore(caller, id, "edited"));
        audit.record(caller, "experiment.edit", "experiment", id, AuditTrail.details());
        return edited;
    }

    @PostMapping("/{id}/start")
    @RequiresScope(Scope.CONFIG_WRITE)
    ExperimentView start(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Experiment e = lookup.find(caller, id);
        if (e.status() != ExperimentStatus.DRAFT) {
            throw new ConflictException("experiment '" + id + "' is " + e.status().wire() + "; only a draft can be started"
                    + (e.status() == ExperimentStatus.RUNNING ? "" : " (a stopped experiment is not restarted: create a new one)"));
        }
        ExperimentView started = experiments.transition(caller.workspace(), id, java.util.Set.of(ExperimentStatus.DRAFT),
                ExperimentStatus.RUNNING, clock.instant()).map(x -> ExperimentView.of(x, null))
                .orElseThrow(() -> lookup.notADraftAnyMore(caller, id, "started"));
        audit.record(caller, "experiment.start", "experiment", id, AuditTrail.details("before", "draft", "after", "running"));
        return started;
    }

    @PostMapping("/{id}/stop")
    @RequiresScope(Scope.CONFIG_WRITE)
    ExperimentView stop(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Experiment e = lookup.find(caller, id);
        if (e.status() != ExperimentStatus.RUNNING) {
            throw new ConflictException("experiment '" + id + "' is " + e.status().wire() + "; only a running experiment"
                    + " can be stopped" + (e.status() == ExperimentStatus.DRAFT ? " (delete a draft instead)" : ""));
        }
        ExperimentView stopped = experiments.transition(caller.workspace(), id, java.util.Set.of(ExperimentStatus.RUNNING),
                ExperimentStatus.STOPPED, clock.instant()).map(x -> ExperimentView.of(x, null))
                .orElseThrow(() -> new ConflictException("experiment '" + id + "' changed while it was being stopped;"
                        + " read it again"));
        audit.record(caller, "experiment.stop", "experiment", id, AuditTrail.details("before", "running", "after", "stopped"));
        return stopped;
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        lookup.draft(caller, id, "deleted");
        if (!experiments.deleteDraft(caller.workspace(), id)) {
            throw lookup.notADraftAnyMore(caller, id, "deleted");
        }
        audit.record(caller, "experiment.delete", "experiment", id, AuditTrail.details());
        return ResponseEntity.noContent().build();
    }

    record Experiments(List<ExperimentView> experiments) {}
}
