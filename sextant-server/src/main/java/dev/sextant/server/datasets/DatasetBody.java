package dev.sextant.server.datasets;

import dev.sextant.analytics.datasets.DatasetFormat;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/** {@code {"name", "format"?}} of a new dataset; {@link #validated} reports every wrong field at once. */
record DatasetBody(String name, String format) {
    static final int MAX_NAME = 200;

    record Valid(String name, DatasetFormat format) {}

    Valid validated() {
        return check(name, format, FieldProblem::field);
    }

    /** The same rules for the one-shot upload's query parameters. */
    static Valid parameters(String name, String format) {
        return check(name, format, FieldProblem::parameter);
    }

    private static Valid check(String name, String format, java.util.function.BiFunction<String, String, FieldProblem> at) {
        List<FieldProblem> problems = new ArrayList<>();
        String clean = null;
        if (name == null || name.isBlank()) {
            problems.add(at.apply("name", "name is required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(at.apply("name", "name is " + name.length() + " characters, over the limit of " + MAX_NAME));
        } else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add(at.apply("name", "name contains a control character (such as \\u0000 or a line break); remove it"));
        } else {
            clean = name.strip();
        }
        DatasetFormat parsed = null;
        if (format != null) {
            try {
                parsed = DatasetFormat.fromWire(format);
            } catch (IllegalArgumentException e) {
                problems.add(at.apply("format", shorten("format must be one of " + DatasetFormat.names() + ", was '"
                        + format.replace('\u0000', '?') + "'")));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Valid(clean, parsed);
    }

    static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
