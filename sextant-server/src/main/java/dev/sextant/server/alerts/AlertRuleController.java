package dev.sextant.server.alerts;

import dev.sextant.analytics.AlertEvaluation;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.AlertRule;
import dev.sextant.store.AlertRuleSpec;
import dev.sextant.store.AlertRuleStore;
import dev.sextant.store.AlertSignal;
import dev.sextant.store.AlertStore;
import dev.sextant.store.SextantStore;
import dev.sextant.store.WebhookStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
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

/** Alert rules (issue 4 item 10): create, read, replace, delete, and a dry run of one evaluation. */
@RestController
@RequestMapping("/api/v1/alert-rules")
class AlertRuleController {
    private final AlertRuleStore rules;
    private final WebhookStore webhooks;
    private final AlertStore alerts;
    private final RuleRunner runner;
    private final Clock clock;

    private final AuditTrail audit;

    AlertRuleController(SextantStore store, RuleRunner runner, Clock clock, AuditTrail audit) {
        this.rules = store.alertRules();
        this.audit = audit;
        this.webhooks = store.webhooks();
        this.alerts = store.alerts();
        this.runner = runner;
        this.clock = clock;
    }

    @PostMapping
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<RuleView> create(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @RequestBody RuleBody body) {
        noParameters(request);
        AlertRuleSpec spec = checked(caller.workspace(), body);
        AlertRule created = rules.create(caller.workspace(), spec);
        audit.record(caller, "alert_rule.create", "alert_rule", created.id(), AuditTrail.details("name", spec.name()));
        return ResponseEntity.status(HttpStatus.CREATED).body(RuleView.of(created));
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Rules list(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        noParameters(request);
        return new Rules(rules.list(caller.workspace()).stream().map(RuleView::of).toList());
    }

    record Rules(List<RuleView> items) {}

    @GetMapping("/{id}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    RuleView get(@AuthenticationPrincipal Caller caller, HttpServletRequest request, @PathVariable String id) {
        noParameters(request);
        return RuleView.of(rule(caller.workspace(), id));
    }

    @PutMapping("/{id}")
    @RequiresScope(Scope.CONFIG_WRITE)
    RuleView replace(@AuthenticationPrincipal Caller caller, HttpServletRequest request, @PathVariable String id,
            @RequestBody RuleBody body) {
        noParameters(request);
        rule(caller.workspace(), id);
        AlertRuleSpec spec = checked(caller.workspace(), body);
        AlertRule updated = rules.update(caller.workspace(), id, spec)
                .orElseThrow(() -> new NotFoundException("alert rule", id));
        audit.record(caller, "alert_rule.update", "alert_rule", id, AuditTrail.details("name", spec.name(), "enabled", spec.enabled()));
        if (!spec.enabled()) {
            closeOpenAlert(caller.workspace(), id);
        }
        return RuleView.of(updated);
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @PathVariable String id) {
        noParameters(request);
        if (!rules.delete(caller.workspace(), id)) {
            throw new NotFoundException("alert rule", id);
        }
        audit.record(caller, "alert_rule.delete", "alert_rule", id, AuditTrail.details());
        closeOpenAlert(caller.workspace(), id);
        return ResponseEntity.noContent().build();
    }

    /** A rule that is deleted or disabled is no longer evaluated: its open alert would never resolve. */
    private void closeOpenAlert(WorkspaceId workspace, String ruleId) {
        alerts.resolve(workspace, AlertSignal.ruleKey(ruleId), clock.instant());
    }

    /** Evaluates the rule now and says what the scheduler would do; changes nothing. */
    @PostMapping("/{id}/test")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    TestView test(@AuthenticationPrincipal Caller caller, HttpServletRequest request, @PathVariable String id) {
        noParameters(request);
        AlertRule rule = rule(caller.workspace(), id);
        Instant now = clock.instant();
        AlertEvaluation evaluation = runner.evaluate(caller.workspace(), rule, now);
        RuleRunner.Plan plan = runner.plan(caller.workspace(), rule, evaluation);
        return new TestView(rule.id(), now, EvaluationView.of(evaluation), plan.action(), plan.description(),
                plan.openAlertId(), plan.webhookIds());
    }

    record TestView(String ruleId, Instant evaluatedAt, EvaluationView evaluation, String wouldDo,
            String description, String openAlertId, List<String> webhookIds) {}

    private AlertRule rule(WorkspaceId workspace, String id) {
        return rules.find(workspace, id).orElseThrow(() -> new NotFoundException("alert rule", id));
    }

    private AlertRuleSpec checked(WorkspaceId workspace, RuleBody body) {
        if (body == null) {
            throw InvalidRequestException.of(FieldProblem.field("body", "a JSON object is required"));
        }
        AlertRuleSpec spec = body.validated();
        for (String hook : spec.webhookIds()) {
            if (webhooks.find(workspace, hook).isEmpty()) {
                throw InvalidRequestException.of(FieldProblem.field("webhook_ids",
                        "webhook '" + hook + "' does not exist in this workspace"));
            }
        }
        return spec;
    }

    static void noParameters(HttpServletRequest request) {
        QueryParams.none(request.getParameterMap());
    }
}
