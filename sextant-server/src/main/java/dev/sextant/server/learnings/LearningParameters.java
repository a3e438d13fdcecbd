package dev.sextant.server.learnings;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.FilterValue;
import dev.sextant.server.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of the learning endpoints, read strictly: an unknown one, one given twice
 * or empty, too long, with a NUL, or not a whole number where one belongs is a problem naming it;
 * {@link #done()} reports them all at once.
 */
final class LearningParameters {
    static final int MAX_LENGTH = 256;

    private final Map<String, String[]> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();

    LearningParameters(Map<String, String[]> parameters, String... known) {
        this.parameters = parameters;
        Set<String> names = new TreeSet<>(List.of(known));
        for (String name : parameters.keySet()) {
            if (!names.contains(name)) {
                String shown = Shown.text(name);
                problems.add(FieldProblem.parameter(shown, "unknown parameter '" + shown + "'; known: "
                        + (names.isEmpty() ? "none" : String.join(", ", names))));
            }
        }
    }

    String text(String name) {
        String value = FilterValue.single(parameters.get(name), name, MAX_LENGTH, problems);
        if (value != null && value.indexOf('\u0000') >= 0) {
            problem(name, name + " contains a NUL character (\\u0000); remove it");
            return null;
        }
        return value;
    }

    /** One of {@code allowed} (lower case), {@code fallback} when absent, null when wrong. */
    String oneOf(String name, String fallback, String... allowed) {
        String raw = text(name);
        if (raw == null) {
            return parameters.containsKey(name) ? null : fallback;
        }
        if (List.of(allowed).contains(raw)) {
            return raw;
        }
        problem(name, name + " must be one of " + String.join(", ", allowed) + ", was '" + Shown.text(raw) + "'");
        return null;
    }

    /** A whole number from {@code min} to {@code max}, {@code fallback} when absent, null when wrong. */
    Integer whole(String name, int min, int max, int fallback) {
        String raw = text(name);
        if (raw == null) {
            return parameters.containsKey(name) ? null : fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name, name + " must be a whole number from " + min + " to " + max + ", was '" + Shown.text(raw) + "'");
        return null;
    }

    void problem(String name, String message) {
        problems.add(FieldProblem.parameter(name, message));
    }

    void done() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
