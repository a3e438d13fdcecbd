package dev.sextant.server.prompts;

import dev.sextant.server.web.FieldProblem;
import java.util.List;

/** Checks of text fields shared by the prompt bodies: length, blank, and NUL (PostgreSQL cannot store it). */
final class Texts {
    static final String NUL = "%s contains a NUL character (\\u0000), which PostgreSQL cannot store; remove it";

    private Texts() {}

    /** True when the value is present, not blank, at most {@code max} characters and NUL-free. */
    static boolean required(String field, String value, int max, String example, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.field(field, field + " is required: " + example));
            return false;
        }
        return optional(field, value, max, problems);
    }

    /** True when the value is absent, or at most {@code max} characters and NUL-free. */
    static boolean optional(String field, String value, int max, List<FieldProblem> problems) {
        if (value == null) {
            return true;
        }
        if (value.length() > max) {
            problems.add(FieldProblem.field(field, field + " is " + value.length() + " characters, over the limit of " + max));
            return false;
        }
        if (value.indexOf('\u0000') >= 0) {
            problems.add(FieldProblem.field(field, NUL.formatted(field)));
            return false;
        }
        return true;
    }

    /** A value quoted in a message: cut at 64 characters. */
    static String shown(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
