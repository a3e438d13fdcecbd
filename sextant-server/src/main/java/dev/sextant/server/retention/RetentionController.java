package dev.sextant.server.retention;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.RetentionStore;
import dev.sextant.store.SextantStore;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Retention of the caller's workspace (issue 8 item 4): the periods in force with the server's
 * defaults, the last run and the next; admins change the periods and run it now. Also answered
 * at {@code /api/v1/governance/retention}, the path issue 8 promises to scripts.
 */
@RestController
@RequestMapping({"/api/v1/retention", "/api/v1/governance/retention"})
class RetentionController {
    private final RetentionStore store;
    private final RetentionPolicies policies;
    private final RetentionJob job;
    private final RetentionScheduler scheduler;

    private final AuditTrail audit;

    RetentionController(SextantStore store, RetentionPolicies policies, RetentionJob job, AuditTrail audit,
            RetentionScheduler scheduler) {
        this.store = store.retention();
        this.audit = audit;
        this.policies = policies;
        this.job = job;
        this.scheduler = scheduler;
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    RetentionView get(@AuthenticationPrincipal Caller caller) {
        var last = store.lastRun(caller.workspace());
        return RetentionView.of(policies.of(caller.workspace()), last.orElse(null), scheduler.nextRunAt(caller.workspace()));
    }

    /** Sets the kinds the body names (all or none); answers the periods now in force. */
    @PutMapping
    @RequiresScope(Scope.ADMIN)
    RetentionView set(@AuthenticationPrincipal Caller caller, @RequestBody JsonNode body) {
        var settings = RetentionBody.validated(body);
        store.set(caller.workspace(), settings);
        audit.record(caller, "retention.update", "retention", null, AuditTrail.details("set", settings.stream().map(s -> java.util.Arrays.asList(s.kind().wire(), s.days())).toList()));
        return get(caller);
    }

    /** Runs retention now and answers what it removed ({@code error} set when it stopped early). */
    @PostMapping("/run")
    @RequiresScope(Scope.ADMIN)
    RetentionView.RunView run(@AuthenticationPrincipal Caller caller) {
        RetentionView.RunView ran = RetentionView.RunView.of(job.run(caller.workspace()));
        audit.record(caller, "retention.run", "retention", null, AuditTrail.details("result", ran));
        return ran;
    }
}
