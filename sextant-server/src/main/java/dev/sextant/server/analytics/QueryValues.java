package dev.sextant.server.analytics;

import dev.sextant.server.web.FieldProblem;
import java.util.List;

/** Reading one query parameter of the analytics endpoints the same way everywhere. */
final class QueryValues {
    private QueryValues() {}

    /** The parameter's one non-empty value; null when absent; a problem when repeated or empty. */
    static String single(String[] values, String name, List<FieldProblem> problems) {
        if (values == null) {
            return null;
        }
        if (values.length != 1 || values[0].isEmpty()) {
            problems.add(FieldProblem.parameter(name, name + " must be given once with a value"));
            return null;
        }
        return values[0];
    }
}
