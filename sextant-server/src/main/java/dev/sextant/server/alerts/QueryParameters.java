package dev.sextant.server.alerts;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Strict query parameters: only known names, each at most once, never empty, at most 256 characters. */
final class QueryParameters {
    private static final int MAX_LENGTH = 256;

    private final Map<String, String[]> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();

    private QueryParameters(Map<String, String[]> parameters, Set<String> known) {
        this.parameters = parameters;
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                problems.add(FieldProblem.parameter(name, "unknown parameter '" + name + "'; known: "
                        + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known)))));
            }
        }
    }

    static QueryParameters of(Map<String, String[]> parameters, Set<String> known) {
        return new QueryParameters(parameters, known);
    }

    String text(String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.length != 1 || values[0].isEmpty() || values[0].length() > MAX_LENGTH) {
            problems.add(FieldProblem.parameter(name, name + " must be given once with a value of 1-" + MAX_LENGTH
                    + " characters"));
            return null;
        }
        return values[0];
    }

    int integer(String name, int min, int max, int fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(FieldProblem.parameter(name, name + " must be a whole number between " + min + " and " + max
                + ", was '" + value + "'"));
        return fallback;
    }

    void problem(String name, String message) {
        problems.add(FieldProblem.parameter(name, message));
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
