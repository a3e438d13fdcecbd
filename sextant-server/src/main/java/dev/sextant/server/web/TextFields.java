package dev.sextant.server.web;

import java.util.List;

/** The check every free-text field of a request body gets: present when required, not too long, storable. */
public final class TextFields {
    private TextFields() {}

    /**
     * The stripped text, or null when absent (a problem when {@code required}) or refused (a
     * problem added): longer than {@code max} characters, or holding a NUL, which PostgreSQL cannot
     * store.
     */
    public static String text(String field, String value, int max, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(FieldProblem.field(field, field + " is required"));
            }
            return null;
        }
        if (value.length() > max) {
            problems.add(FieldProblem.field(field, field + " is " + value.length() + " characters, over the limit of " + max));
            return null;
        }
        if (value.indexOf('\u0000') >= 0) {
            problems.add(FieldProblem.field(field, field + " contains a NUL character (\\u0000), which PostgreSQL cannot"
                    + " store; remove it"));
            return null;
        }
        return value.strip();
    }
}
