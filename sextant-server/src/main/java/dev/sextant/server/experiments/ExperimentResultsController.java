package dev.sextant.server.experiments;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.Experiment;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** An experiment's results (docs/API.md, "Experiment results") and a person's conclusion of it. */
@RestController
@RequestMapping("/api/v1/experiments")
class ExperimentResultsController {
    private final ExperimentLookup lookup;
    private final ExperimentResults results;
    private final ExperimentConclusions conclusions;
    private final Clock clock;

    private final AuditTrail audit;

    ExperimentResultsController(SextantStore store, ExperimentResults results, ExperimentConclusions conclusions,
            Clock clock, AuditTrail audit) {
        this.lookup = new ExperimentLookup(store.experiments());
        this.audit = audit;
        this.results = results;
        this.conclusions = conclusions;
        this.clock = clock;
    }

    @GetMapping("/{id}/results")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ExperimentResultsView results(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            HttpServletRequest request) {
        QueryParams.none(request.getParameterMap());
        return results.results(caller.workspace(), lookup.find(caller, id), clock.instant());
    }

    @PostMapping("/{id}/conclude")
    @RequiresScope(Scope.CONFIG_WRITE)
    ExperimentView conclude(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        Experiment e = lookup.find(caller, id);
        ConcludeBody valid = ConcludeBody.validated(body, e.spec());
        ExperimentView concluded = ExperimentView.of(conclusions.conclude(caller.workspace(), e, valid, clock.instant()), null);
        audit.record(caller, "experiment.conclude", "experiment", id, AuditTrail.details("before", e.status().wire()));
        return concluded;
    }
}
