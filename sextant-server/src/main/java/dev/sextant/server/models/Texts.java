package dev.sextant.server.models;

import dev.sextant.server.web.FieldProblem;
import java.util.List;
import java.util.regex.Pattern;

/** How the model-version bodies check text fields: blank is absent, limits in characters, no NUL. */
final class Texts {
    /** Version ids a client may choose, as experiment ids. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private Texts() {}

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** The stripped text, or null when absent (a problem when required) or wrong (a problem added). */
    static String check(String field, String value, int max, boolean required, List<FieldProblem> problems) {
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
