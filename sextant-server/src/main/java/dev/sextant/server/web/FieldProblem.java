package dev.sextant.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a problem's {@code errors} list: which body field or query parameter is wrong,
 * and why. Exactly one of {@code field} and {@code parameter} is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, String parameter, String message) {

    public static FieldProblem field(String field, String message) {
        return new FieldProblem(field, null, message);
    }

    public static FieldProblem parameter(String parameter, String message) {
        return new FieldProblem(null, parameter, message);
    }
}
