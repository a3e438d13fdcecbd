package dev.sextant.server.context;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of an endpoint's query parameters: an unknown one, one given twice or empty, one
 * over {@link #MAX_LENGTH} characters, one with a NUL and one that does not parse are each a
 * problem naming it; {@link #done()} throws them all at once. A value is echoed at most
 * {@link #ECHO} characters long.
 */
final class StrictParameters {
    static final int MAX_LENGTH = 256;
    static final int ECHO = 100;

    private final Map<String, String[]> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();

    StrictParameters(Map<String, String[]> parameters, Set<String> known) {
        this.parameters = parameters;
        for (String name : new TreeSet<>(parameters.keySet())) {
            if (!known.contains(name)) {
                problem(name, "unknown parameter '" + echo(name) + "'; known: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    String text(String name) {
        return text(name, MAX_LENGTH);
    }

    /** The one value, at most {@code maxLength} characters long. */
    String text(String name, int maxLength) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.length != 1 || values[0].isBlank()) {
            problem(name, name + " must be given once with a value");
            return null;
        }
        if (values[0].indexOf('\u0000') >= 0) {
            problem(name, name + " contains a NUL character");
            return null;
        }
        if (values[0].length() > maxLength) {
            problem(name, name + " is " + values[0].length() + " characters, over the limit of " + maxLength);
            return null;
        }
        return values[0];
    }

    Instant time(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (RuntimeException e) {
            problem(name, name + " must be an RFC 3339 time such as 2026-11-01T00:00:00Z, was '" + echo(raw) + "'");
            return null;
        }
    }

    /** A whole number in [min, max], or null when absent or wrong. */
    Integer whole(String name, int min, int max) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name, name + " must be a whole number between " + min + " and " + max + ", was '" + echo(raw) + "'");
        return null;
    }

    void problem(String name, String message) {
        problems.add(FieldProblem.parameter(echo(name), message));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    void done() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    static String echo(String raw) {
        return raw.length() <= ECHO ? raw : raw.substring(0, ECHO) + "...";
    }
}
