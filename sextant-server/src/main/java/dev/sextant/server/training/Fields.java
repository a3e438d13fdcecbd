package dev.sextant.server.training;

import dev.sextant.server.web.FieldProblem;
import java.util.List;

/** Checks of text fields shared by the training bodies: length, NUL, control characters. */
final class Fields {
    private Fields() {}

    /** The stripped text, or null when absent (a problem when required) or wrong. */
    static String text(String field, String value, int max, boolean required, List<FieldProblem> problems) {
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

    /** Why a name (metric, tag, parameter key) is refused, or null when it is fine. */
    static String badName(String what, String name, int max) {
        if (name.isEmpty()) {
            return what + " is empty";
        }
        if (name.length() > max) {
            return what + " is " + name.length() + " characters, over the limit of " + max;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return what + " '" + shorten(name) + "' contains a control character (U+"
                        + String.format("%04X", (int) name.charAt(i)) + ")";
            }
        }
        return null;
    }

    static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
    }

    /** A JSON Pointer token (RFC 6901). */
    static String token(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
