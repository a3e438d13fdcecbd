package dev.sextant.otlp;

import java.util.ArrayList;
import java.util.List;

/** What is wrong with one span; any problem refuses that span (and only it). */
final class SpanProblems {
    private final List<String> problems = new ArrayList<>(0);

    void add(String problem) {
        problems.add(problem);
    }

    boolean any() {
        return !problems.isEmpty();
    }

    String joined() {
        return String.join("; ", problems);
    }

    /** Checks a text field's length and refuses NUL, which PostgreSQL cannot store; returns it. */
    String text(String field, String value, int limit) {
        if (value == null) {
            return null;
        }
        if (value.length() > limit) {
            add(field + " is " + value.length() + " characters long, over the limit of " + limit);
        } else if (value.indexOf('\0') >= 0) {
            add(field + " contains a NUL character (\\u0000), which PostgreSQL cannot store; remove it");
        }
        return value;
    }
}
