package dev.sextant.server.prompts;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.FilterValue;
import dev.sextant.server.web.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The window of the prompt analytics: {@code from} and {@code to} (RFC 3339); without {@code to}
 * it ends now, without {@code from} it starts {@link #DEFAULT_SPAN} before {@code to}. Any other
 * parameter is refused.
 */
record PromptWindow(Instant from, Instant to) {
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    private static final String TIME = "an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z";

    static PromptWindow of(Map<String, String[]> parameters, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (!name.equals("from") && !name.equals("to")) {
                problems.add(FieldProblem.parameter(Texts.shown(name), "unknown parameter '" + Texts.shown(name)
                        + "'; known: from, to"));
            }
        }
        Instant from = time(parameters, "from", problems);
        Instant to = time(parameters, "to", problems);
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(DEFAULT_SPAN) : from;
        if (problems.isEmpty() && !end.isAfter(start)) {
            problems.add(FieldProblem.parameter("to", "to (" + end + ") must be after from (" + start + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new PromptWindow(start, end);
    }

    private static Instant time(Map<String, String[]> parameters, String name, List<FieldProblem> problems) {
        String raw = FilterValue.single(parameters.get(name), name, 64, problems);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (RuntimeException e) {
            problems.add(FieldProblem.parameter(name, name + " must be " + TIME + ", was '" + raw + "'"));
            return null;
        }
    }
}
