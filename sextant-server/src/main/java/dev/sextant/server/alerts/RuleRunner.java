package dev.sextant.server.alerts;

import dev.sextant.analytics.AlertEvaluation;
import dev.sextant.analytics.AlertEvaluator;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Alert;
import dev.sextant.store.AlertRule;
import dev.sextant.store.AlertRuleStore;
import dev.sextant.store.AlertSignal;
import dev.sextant.store.AlertStore;
import dev.sextant.store.SextantStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One evaluation of one rule and what follows from it: FIRING raises the rule's alert (one alert
 * per incident, by the rule's dedupe key), OK resolves it, anything else leaves it as it is.
 * Webhooks are told only when an alert opens or resolves, after the store's transaction is over.
 */
@Component
class RuleRunner {
    private final AlertEvaluator evaluator;
    private final AlertStore alerts;
    private final AlertRuleStore rules;
    private final WebhookDispatcher dispatcher;
    private final JsonMapper json;

    RuleRunner(AlertEvaluator evaluator, SextantStore store, WebhookDispatcher dispatcher, JsonMapper json) {
        this.evaluator = evaluator;
        this.alerts = store.alerts();
        this.rules = store.alertRules();
        this.dispatcher = dispatcher;
        this.json = json;
    }

    AlertEvaluation evaluate(WorkspaceId workspace, AlertRule rule, Instant now) {
        return evaluator.evaluate(workspace, rule.spec(), RuleFilters.query(rule.spec().filter()), now);
    }

    /** What the rule's evaluation would do to its alert, in words, without doing it. */
    Plan plan(WorkspaceId workspace, AlertRule rule, AlertEvaluation evaluation) {
        Optional<Alert> open = alerts.findOpen(workspace, AlertSignal.ruleKey(rule.id()));
        String openId = open.map(Alert::id).orElse(null);
        List<String> hooks = rule.spec().webhookIds();
        String action = switch (evaluation.state()) {
            case FIRING -> open.isPresent() ? "update" : "fire";
            case OK -> open.isPresent() ? "resolve" : "none";
            case NO_DATA, INSUFFICIENT_BASELINE -> "none";
        };
        String words = switch (action) {
            case "fire" -> "open a new alert and notify " + hooks.size() + " webhook(s)";
            case "update" -> "update the open alert " + openId + " (last seen, value); no notification";
            case "resolve" -> "resolve the open alert " + openId + " and notify " + hooks.size() + " webhook(s)";
            default -> open.isPresent() ? "leave the open alert " + openId + " as it is" : "nothing";
        };
        if (!rule.spec().enabled()) {
            words += " (the rule is disabled: the scheduler does not evaluate it)";
        }
        return new Plan(action, words, openId, hooks);
    }

    record Plan(String action, String description, String openAlertId, List<String> webhookIds) {}

    private boolean stillEnabled(WorkspaceId workspace, String ruleId) {
        return rules.find(workspace, ruleId).map(r -> r.spec().enabled()).orElse(false);
    }

    /** Evaluates the rule at {@code now} and applies the outcome. */
    void run(WorkspaceId workspace, AlertRule rule, Instant now) {
        AlertEvaluation evaluation = evaluate(workspace, rule, now);
        String key = AlertSignal.ruleKey(rule.id());
        switch (evaluation.state()) {
            case FIRING -> {
                if (!stillEnabled(workspace, rule.id())) {
                    return; // deleted or disabled while it was being evaluated: it must not open an alert
                }
                AlertSignal signal = new AlertSignal(key, "rule", rule.id(), rule.spec().name(), rule.spec().severity(),
                        evaluation.value(), json.writeValueAsString(EvaluationView.of(evaluation)));
                AlertStore.Raised raised = alerts.raise(workspace, signal, now);
                if (raised.opened()) {
                    dispatcher.send(workspace, rule.spec().webhookIds(), raised.alert(), WebhookDispatcher.FIRED);
                }
            }
            case OK -> alerts.resolve(workspace, key, evaluation.value(),
                    json.writeValueAsString(EvaluationView.of(evaluation)), now).ifPresent(resolved ->
                    dispatcher.send(workspace, rule.spec().webhookIds(), resolved, WebhookDispatcher.RESOLVED));
            case NO_DATA, INSUFFICIENT_BASELINE -> {
                // not judged: an open alert stays open, none is opened
            }
        }
    }
}
