package dev.sextant.server.experiments;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.FilterValue;
import dev.sextant.server.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of the experiment endpoints, read strictly: an unknown one, one given
 * twice or empty, too long, with a NUL, or not a number where one belongs is a problem naming it;
 * {@link #done()} reports them all at once.
 */
final class ExperimentParameters {
    static final int MAX_LENGTH = 256;

    private final Map<String, String[]> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();

    ExperimentParameters(Map<String, String[]> parameters, String... known) {
        this.parameters = parameters;
        Set<String> names = new TreeSet<>(List.of(known));
        for (String name : parameters.keySet()) {
            if (!names.contains(name)) {
                String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
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

    /** A finite number, or null when absent or wrong. */
    Double number(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(raw);
            if (Double.isFinite(value) && !raw.strip().matches(".*[a-zA-Z].*")) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name, name + " must be a number, was '" + raw + "'");
        return null;
    }

    /** A whole number, or null when absent or wrong. */
    Integer whole(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            problem(name, name + " must be a whole number, was '" + raw + "'");
            return null;
        }
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
