package dev.sextant.otlp;

import dev.sextant.ingest.FieldLimits;
import dev.sextant.model.Decision;
import dev.sextant.model.Handoff;
import dev.sextant.model.Intent;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Sextant's own concepts that no OpenTelemetry convention covers, read from documented
 * {@code sextant.*} attributes: a decision, a hand-off, intents (see docs/API.md).
 */
final class SextantAttributes {
    private SextantAttributes() {}

    static Decision decision(SpanAttributes a, SpanProblems problems) {
        String point = problems.text("sextant.decision.point", a.string("sextant.decision.point"), FieldLimits.NAME);
        String chosen = problems.text("sextant.decision.chosen", a.string("sextant.decision.chosen"), FieldLimits.NAME);
        List<String> alternatives = a.strings("sextant.decision.alternatives");
        String reasoning = problems.text("sextant.decision.reasoning", a.string("sextant.decision.reasoning"),
                FieldLimits.TEXT);
        if (point == null && chosen == null && alternatives == null && reasoning == null) {
            return null;
        }
        if (alternatives != null) {
            alternatives.forEach(alt -> problems.text("sextant.decision.alternatives", alt, FieldLimits.NAME));
        }
        return new Decision(point, chosen, alternatives, reasoning);
    }

    static Handoff handoff(SpanAttributes a, SpanProblems problems) {
        Boolean triggered = a.bool("sextant.handoff.triggered");
        String reason = problems.text("sextant.handoff.reason", a.string("sextant.handoff.reason"), FieldLimits.TEXT);
        String target = problems.text("sextant.handoff.target", a.string("sextant.handoff.target"), FieldLimits.NAME);
        if (triggered == null && reason == null && target == null) {
            return null;
        }
        return new Handoff(triggered != null ? triggered : true, reason, target);
    }

    /**
     * {@code sextant.intents}: a JSON array of {@code {"name", "confidence"}} objects (in a string),
     * or a list of names (confidence 1).
     */
    static List<Intent> intents(SpanAttributes a, SpanProblems problems) {
        if (!a.has("sextant.intents")) {
            a.raw("sextant.intents");
            return null;
        }
        JsonNode tree = a.tree("sextant.intents");
        List<Intent> intents = new ArrayList<>();
        if (tree != null && tree.isArray() && tree.valueStream().allMatch(JsonNode::isObject)) {
            for (JsonNode node : tree) {
                JsonNode name = node.get("name");
                JsonNode confidence = node.get("confidence");
                if (name == null || !name.isString() || (confidence != null && !(confidence.isNumber()
                        && confidence.doubleValue() >= 0 && confidence.doubleValue() <= 1))) {
                    problems.add("sextant.intents must hold {\"name\": text, \"confidence\": 0..1} objects, was " + node);
                    return null;
                }
                intents.add(new Intent(problems.text("sextant.intents", name.stringValue(), FieldLimits.NAME),
                        confidence == null ? 1.0 : confidence.doubleValue()));
            }
            return intents;
        }
        for (String name : a.strings("sextant.intents")) {
            intents.add(new Intent(problems.text("sextant.intents", name, FieldLimits.NAME), 1.0));
        }
        return intents;
    }
}
