package dev.sextant.server.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.analytics.AlertEvaluator;
import dev.sextant.store.AlertRule;
import dev.sextant.store.AlertRuleSpec;
import dev.sextant.store.AlertRuleSpec.Anomaly;
import dev.sextant.store.AlertRuleSpec.Threshold;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An alert rule as the API answers it; the body of a POST or PUT reads back the same way. */
record RuleView(String id, String name, String metric, Map<String, String> filter, String window,
        ConditionView condition, String severity, boolean enabled, List<String> webhookIds, long minSamples,
        Instant createdAt, Instant updatedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConditionView(String type, String op, Double value, String direction, Double sensitivity) {}

    static RuleView of(AlertRule rule) {
        AlertRuleSpec s = rule.spec();
        ConditionView condition = switch (s.condition()) {
            case Threshold t -> new ConditionView("threshold", t.op().wire(), t.value(), null, null);
            case Anomaly a -> new ConditionView("anomaly", null, null, a.direction().wire(), a.sensitivity());
        };
        return new RuleView(rule.id(), s.name(), s.metric().wire(), new TreeMap<>(s.filter()),
                AlertEvaluator.format(s.window()), condition, s.severity().wire(), s.enabled(), s.webhookIds(),
                s.minSamples(), rule.createdAt(), rule.updatedAt());
    }
}
