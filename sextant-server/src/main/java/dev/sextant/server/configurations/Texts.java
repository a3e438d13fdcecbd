package dev.sextant.server.configurations;

import dev.sextant.server.web.FieldProblem;
import java.util.List;

/** Checks of the plain text fields of configuration bodies: length, blank, NUL. */
final class Texts {
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 2000;

    private Texts() {}

    static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.field(field, field + " is required"));
        } else {
            optional(problems, field, value, max);
        }
    }

    static void optional(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            problems.add(FieldProblem.field(field, field + " must not be blank when given"));
        } else if (value.length() > max) {
            problems.add(FieldProblem.field(field, field + " is " + value.length() + " characters, over the limit of " + max));
        } else if (value.indexOf('\u0000') >= 0) {
            problems.add(FieldProblem.field(field, field + " contains a NUL character (\\u0000), which PostgreSQL"
                    + " cannot store; remove it"));
        }
    }

    /** A value quoted in a message: at most 64 characters of it. */
    static String shown(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
