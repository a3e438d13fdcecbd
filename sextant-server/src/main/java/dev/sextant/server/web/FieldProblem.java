package dev.sextant.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a problem's {@code errors} list: which body field or query parameter is wrong,
 * and why. Exactly one of {@code field} and {@code parameter} is set; {@code pointer} (a JSON
 * Pointer into the body) is set where a field's problem lies deeper inside it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, String parameter, String message, String pointer) {

    public static FieldProblem field(String field, String message) {
        return new FieldProblem(field, null, message, null);
    }

    public static FieldProblem parameter(String parameter, String message) {
        return new FieldProblem(null, parameter, message, null);
    }

    /** A problem inside {@code field}, at {@code pointer} (RFC 6901, from the body's root). */
    public static FieldProblem at(String field, String pointer, String message) {
        return new FieldProblem(field, null, message, pointer);
    }
}
