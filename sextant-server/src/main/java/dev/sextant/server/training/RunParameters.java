package dev.sextant.server.training;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of the training endpoints, read strictly: an unknown one, one given twice
 * (except the repeatable ones), too long, with a NUL, or not a whole number where one belongs is a
 * problem naming it; {@link #done()} reports them all at once.
 */
final class RunParameters {
    static final int MAX_LENGTH = 512;

    private final Map<String, String[]> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();

    RunParameters(Map<String, String[]> parameters, String... known) {
        this.parameters = parameters;
        Set<String> names = new TreeSet<>(List.of(known));
        for (String name : parameters.keySet()) {
            if (!names.contains(name)) {
                String shown = Fields.shorten(name);
                problems.add(FieldProblem.parameter(shown, "unknown parameter '" + shown + "'; known: "
                        + String.join(", ", names)));
            }
        }
    }

    boolean has(String name) {
        return parameters.containsKey(name);
    }

    /** Every value of a repeatable parameter, each checked. */
    List<String> all(String name, int max) {
        String[] values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        if (values.length > max) {
            problem(name, name + " is given " + values.length + " times, at most " + max);
            return List.of();
        }
        List<String> ok = new ArrayList<>();
        for (String v : values) {
            String bad = Fields.badName(name, v, MAX_LENGTH);
            if (bad != null) {
                problem(name, bad);
            } else {
                ok.add(v);
            }
        }
        return ok;
    }

    String text(String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.length != 1) {
            problem(name, name + " is given " + values.length + " times; give it once");
            return null;
        }
        String bad = Fields.badName(name, values[0], MAX_LENGTH);
        if (bad != null) {
            problem(name, bad);
            return null;
        }
        return values[0];
    }

    /** A whole number in [min, max], or null when absent or wrong. */
    Long whole(String name, long min, long max) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            long v = Long.parseLong(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name, name + " must be a whole number from " + min + " to " + max + ", was '" + Fields.shorten(raw) + "'");
        return null;
    }

    boolean flag(String name) {
        String raw = text(name);
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        problem(name, name + " must be true or false, was '" + Fields.shorten(raw) + "'");
        return false;
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
