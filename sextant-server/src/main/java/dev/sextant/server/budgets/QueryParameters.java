package dev.sextant.server.budgets;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Strict reading of a few query parameters: an unknown one, one given twice or empty, one over
 * {@link #MAX_LENGTH} characters and one that does not parse are each a problem naming it;
 * {@link #done()} throws them all at once.
 */
final class QueryParameters {
    static final int MAX_LENGTH = 256;

    private final Map<String, String[]> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();

    QueryParameters(Map<String, String[]> parameters, Set<String> known) {
        this.parameters = parameters;
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                problem(name, "unknown parameter '" + truncated(name) + "'; known: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    String text(String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.length != 1 || values[0].isBlank()) {
            problem(name, name + " must be given once with a value");
            return null;
        }
        if (values[0].indexOf('\u0000') >= 0) {
            problem(name, name + " contains a NUL character, which PostgreSQL cannot store");
            return null;
        }
        if (values[0].length() > MAX_LENGTH) {
            problem(name, name + " is " + values[0].length() + " characters, over the limit of " + MAX_LENGTH);
            return null;
        }
        return values[0];
    }

    /** The parsed value, or null when absent or wrong; {@code expected} says what a right one looks like. */
    <T> T value(String name, Function<String, T> parse, String expected) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            return parse.apply(raw);
        } catch (RuntimeException e) {
            problem(name, name + " must be " + expected + ", was '" + raw + "'");
            return null;
        }
    }

    void problem(String name, String message) {
        problems.add(FieldProblem.parameter(truncated(name), message));
    }

    void done() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static String truncated(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "..." : name;
    }
}
