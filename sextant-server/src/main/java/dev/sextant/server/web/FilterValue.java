package dev.sextant.server.web;

import java.util.List;

/**
 * One filter parameter of a list endpoint, read the same way everywhere: absent is no filter;
 * repeated, empty or longer than the limit is a problem naming the parameter (collected, so that
 * every problem of a request is reported at once).
 */
public final class FilterValue {
    private FilterValue() {}

    /** The parameter's one value, or null (absent, or a problem was added). */
    public static String single(String[] values, String name, int maxLength, List<FieldProblem> problems) {
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            problems.add(FieldProblem.parameter(name, name + " was given " + values.length + " times; give it once"));
            return null;
        }
        String value = values[0];
        if (value.isEmpty()) {
            problems.add(FieldProblem.parameter(name, name + " is empty; leave it out to not filter on it"));
            return null;
        }
        if (value.length() > maxLength) {
            problems.add(FieldProblem.parameter(name, name + " is " + value.length() + " characters long, over the limit of " + maxLength));
            return null;
        }
        return value;
    }
}
