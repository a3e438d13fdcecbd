package dev.sextant.server.efficiency;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.FilterValue;
import dev.sextant.server.web.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of the efficiency and transfer endpoints, read strictly: an unknown one, one
 * given twice or empty, too long, with a control character, or a time without an offset is a
 * problem naming it; {@link #done()} reports them all at once.
 */
final class Parameters {
    static final int MAX_LENGTH = 256;

    private final Map<String, String[]> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();

    Parameters(Map<String, String[]> parameters, String... known) {
        this.parameters = parameters;
        Set<String> names = new TreeSet<>(List.of(known));
        for (String name : parameters.keySet()) {
            if (!names.contains(name)) {
                String shown = shorten(name);
                problems.add(FieldProblem.parameter(shown, "unknown parameter '" + shown + "'; known: "
                        + String.join(", ", names)));
            }
        }
    }

    String text(String name) {
        String value = FilterValue.single(parameters.get(name), name, MAX_LENGTH, problems);
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                if (Character.isISOControl(value.charAt(i))) {
                    problem(name, name + " contains a control character (U+" + String.format("%04X", (int) value.charAt(i))
                            + "); remove it");
                    return null;
                }
            }
        }
        return value;
    }

    /** An RFC 3339 time with an offset, or null when absent or wrong. */
    Instant time(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            problem(name, name + " must be an RFC 3339 time with an offset, like 2026-11-01T00:00:00Z, was '"
                    + shorten(raw) + "'");
            return null;
        }
    }

    void problem(String name, String message) {
        problems.add(FieldProblem.parameter(name, message));
    }

    void done() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
    }
}
