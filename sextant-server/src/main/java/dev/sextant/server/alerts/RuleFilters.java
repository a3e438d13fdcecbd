package dev.sextant.server.alerts;

import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.InteractionQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's {@code filter}: the interaction filters of the list and trends endpoints, by the same
 * names and rules ({@link InteractionFilters}), except {@code from} and {@code to} — the rule's
 * window sets the time.
 */
final class RuleFilters {
    private RuleFilters() {}

    static InteractionQuery query(Map<String, String> filter) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String[]> parameters = new HashMap<>();
        for (Map.Entry<String, String> e : filter.entrySet()) {
            if (e.getKey().equals("from") || e.getKey().equals("to")) {
                problems.add(FieldProblem.field("filter." + e.getKey(), "filter." + e.getKey()
                        + " is not allowed: the rule's window sets the time"));
            } else if (e.getValue() == null) {
                problems.add(FieldProblem.field("filter." + e.getKey(), "filter." + e.getKey() + " must be a string"));
            } else {
                parameters.put(e.getKey(), new String[] {e.getValue()});
            }
        }
        InteractionQuery query = null;
        try {
            query = InteractionFilters.query(parameters, false);
        } catch (InvalidRequestException e) {
            for (FieldProblem p : e.problems()) {
                String name = p.parameter() != null ? p.parameter() : p.field();
                problems.add(FieldProblem.field("filter." + name, "filter: " + p.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return query;
    }
}
