package dev.sextant.server.analytics;

import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.DecisionQuery;
import dev.sextant.store.InteractionQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of {@code GET /api/v1/analytics/decisions}: {@code threshold} (low confidence is
 * below it; 0 to 1, default 0.5), {@code examples} (how many recent low-confidence decisions per
 * point; 0 to 100, default 5) and every interaction filter.
 */
final class DecisionParameters {
    private DecisionParameters() {
    }

    static DecisionQuery read(Map<String, String[]> parameters) {
        Map<String, String[]> filters = new HashMap<>(parameters);
        List<FieldProblem> problems = new ArrayList<>();
        String rawThreshold = single(filters.remove("threshold"), "threshold", problems);
        String rawExamples = single(filters.remove("examples"), "examples", problems);
        double threshold = DecisionQuery.DEFAULT_THRESHOLD;
        if (rawThreshold != null) {
            try {
                threshold = Double.parseDouble(rawThreshold);
            } catch (NumberFormatException e) {
                threshold = Double.NaN;
            }
            if (!(threshold >= 0 && threshold <= 1)) {
                problems.add(FieldProblem.parameter("threshold",
                        "threshold must be a number between 0 and 1, was '" + rawThreshold + "'"));
            }
        }
        int examples = DecisionQuery.DEFAULT_EXAMPLES;
        if (rawExamples != null) {
            try {
                examples = Integer.parseInt(rawExamples);
            } catch (NumberFormatException e) {
                examples = -1;
            }
            if (examples < 0 || examples > DecisionQuery.MAX_EXAMPLES) {
                problems.add(FieldProblem.parameter("examples", "examples must be a whole number between 0 and "
                        + DecisionQuery.MAX_EXAMPLES + ", was '" + rawExamples + "'"));
            }
        }
        InteractionQuery filter = null;
        try {
            filter = InteractionFilters.query(filters, Set.of("examples", "threshold"));
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new DecisionQuery(filter, threshold, examples);
    }

    private static String single(String[] values, String name, List<FieldProblem> problems) {
        String value = QueryValues.single(values, name, problems);
        if (value == null) {
            return null;
        }
        if (values[0].length() > 64) {
            problems.add(FieldProblem.parameter(name, name + " is " + values[0].length() + " characters long, over 64"));
            return null;
        }
        return values[0];
    }
}
