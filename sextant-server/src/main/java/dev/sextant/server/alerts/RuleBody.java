package dev.sextant.server.alerts;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.AlertRuleSpec;
import dev.sextant.store.AlertRuleSpec.Anomaly;
import dev.sextant.store.AlertRuleSpec.AnomalyDirection;
import dev.sextant.store.AlertRuleSpec.Condition;
import dev.sextant.store.AlertRuleSpec.Op;
import dev.sextant.store.AlertRuleSpec.Threshold;
import dev.sextant.store.Severity;
import dev.sextant.store.TrendQuery.Metric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An alert rule as posted (create) or put (replace). Defaults: {@code window} 1h, {@code severity}
 * warning, {@code enabled} true, no webhooks, {@code min_samples} 1 for thresholds and 10 for
 * anomalies. Every problem is reported at once, naming its field.
 */
record RuleBody(
        String name,
        String metric,
        Map<String, String> filter,
        String window,
        ConditionBody condition,
        String severity,
        Boolean enabled,
        List<String> webhookIds,
        Long minSamples) {
    static final int MAX_NAME = 200;
    static final int MAX_WEBHOOKS = 10;
    static final long MAX_MIN_SAMPLES = 1_000_000;

    /** {@code type} threshold ({@code op}, {@code value}) or anomaly ({@code direction}, {@code sensitivity}). */
    record ConditionBody(String type, String op, Double value, String direction, Double sensitivity) {}

    AlertRuleSpec validated() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(FieldProblem.field("name", "name is required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(FieldProblem.field("name", "name is " + name.length() + " characters, over the limit of " + MAX_NAME));
        }
        Metric m = null;
        if (metric == null) {
            problems.add(FieldProblem.field("metric", "metric is required, one of the trend metrics (e.g. error_rate)"));
        } else {
            m = parse(() -> Metric.fromWire(metric), "metric", problems);
        }
        Map<String, String> filters = filter == null ? Map.of() : filter;
        try {
            RuleFilters.query(filters);
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        Duration w = window == null ? Duration.ofHours(1) : parse(() -> WindowText.parse(window), "window", problems);
        Condition c = condition(problems);
        Severity s = severity == null ? Severity.WARNING : parse(() -> Severity.fromWire(severity), "severity", problems);
        List<String> hooks = webhookIds == null ? List.of() : webhookIds;
        if (hooks.size() > MAX_WEBHOOKS) {
            problems.add(FieldProblem.field("webhook_ids", "at most " + MAX_WEBHOOKS + " webhooks, was " + hooks.size()));
        }
        for (String id : hooks) {
            if (id == null || id.isBlank() || id.length() > 64) {
                problems.add(FieldProblem.field("webhook_ids", "webhook_ids must hold webhook ids (1-64 characters)"));
                break;
            }
        }
        long min = minSamples != null ? minSamples : c instanceof Anomaly ? 10 : 1;
        if (min < 0 || min > MAX_MIN_SAMPLES) {
            problems.add(FieldProblem.field("min_samples", "min_samples must be between 0 and " + MAX_MIN_SAMPLES
                    + ", was " + min));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new AlertRuleSpec(name.strip(), m, filters, w, c, s, enabled == null || enabled,
                List.copyOf(new java.util.LinkedHashSet<>(hooks)), min);
    }

    private Condition condition(List<FieldProblem> problems) {
        if (condition == null) {
            problems.add(FieldProblem.field("condition", "condition is required: {\"type\": \"threshold\", \"op\": \">\","
                    + " \"value\": 0.1} or {\"type\": \"anomaly\", \"direction\": \"up\", \"sensitivity\": 3.5}"));
            return null;
        }
        if ("threshold".equals(condition.type())) {
            if (condition.direction() != null || condition.sensitivity() != null) {
                problems.add(FieldProblem.field("condition", "a threshold condition takes op and value,"
                        + " not direction or sensitivity"));
            }
            Op op = condition.op() == null ? null : parse(() -> Op.fromWire(condition.op()), "condition.op", problems);
            if (condition.op() == null) {
                problems.add(FieldProblem.field("condition.op", "condition.op is required: >, >=, < or <="));
            }
            if (condition.value() == null || !Double.isFinite(condition.value())) {
                problems.add(FieldProblem.field("condition.value", "condition.value is required: a number"));
                return null;
            }
            return op == null ? null : new Threshold(op, condition.value());
        }
        if ("anomaly".equals(condition.type())) {
            if (condition.op() != null || condition.value() != null) {
                problems.add(FieldProblem.field("condition", "an anomaly condition takes direction and sensitivity,"
                        + " not op or value"));
            }
            AnomalyDirection d = condition.direction() == null ? AnomalyDirection.BOTH
                    : parse(() -> AnomalyDirection.fromWire(condition.direction()), "condition.direction", problems);
            double sensitivity = condition.sensitivity() == null ? 3.5 : condition.sensitivity();
            if (!(sensitivity >= 1 && sensitivity <= 20)) {
                problems.add(FieldProblem.field("condition.sensitivity", "condition.sensitivity must be between 1 and 20"
                        + " (robust standard deviations), was " + sensitivity));
                return null;
            }
            return d == null ? null : new Anomaly(d, sensitivity);
        }
        problems.add(FieldProblem.field("condition.type", "condition.type must be threshold or anomaly, was "
                + (condition.type() == null ? "missing" : "'" + condition.type() + "'")));
        return null;
    }

    private static <T> T parse(Supplier<T> parse, String field, List<FieldProblem> problems) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.field(field, e.getMessage()));
            return null;
        }
    }
}
