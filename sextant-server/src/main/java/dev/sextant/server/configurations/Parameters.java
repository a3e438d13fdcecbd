package dev.sextant.server.configurations;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of the configuration endpoints: an unknown one, one given twice, empty
 * or over 256 characters is a 400 naming it (a misspelt filter would otherwise select everything).
 */
final class Parameters {
    static final int MAX_LENGTH = 256;

    private Parameters() {}

    /** The values of the known parameters (null when absent); every problem thrown at once. */
    static List<String> read(HttpServletRequest request, String... known) {
        Set<String> names = Set.of(known);
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : request.getParameterMap().keySet()) {
            if (!names.contains(name)) {
                problems.add(FieldProblem.parameter(Texts.shown(name), "unknown parameter '" + Texts.shown(name) + "'; "
                        + (names.isEmpty() ? "this endpoint takes none" : "known: " + String.join(", ", new TreeSet<>(names)))));
            }
        }
        List<String> values = new ArrayList<>();
        for (String name : known) {
            String[] given = request.getParameterMap().get(name);
            String value = null;
            if (given != null) {
                if (given.length != 1 || given[0].isBlank()) {
                    problems.add(FieldProblem.parameter(name, name + " must be given once with a value"));
                } else if (given[0].length() > MAX_LENGTH) {
                    problems.add(FieldProblem.parameter(name, name + " is " + given[0].length()
                            + " characters, over the limit of " + MAX_LENGTH));
                } else if (given[0].indexOf('\u0000') >= 0) {
                    problems.add(FieldProblem.parameter(name, name + " contains a NUL character"));
                } else {
                    value = given[0];
                }
            }
            values.add(value);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return values;
    }
}
