package dev.sextant.server.insights;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.InsightPeriods;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of {@code GET /api/v1/insights}: the current period is {@code [from, to)} (without
 * {@code to}: up to now; without {@code from}: {@code days} before {@code to}, 7 by default), the
 * baseline is the period of the same length just before it; {@code agent_id} narrows to one agent;
 * {@code limit} caps the findings (1-100, default 20). Every problem is reported at once.
 */
record InsightParameters(InsightPeriods periods, int limit) {
    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 366;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final int MAX_VALUE_LENGTH = 1024;
    private static final Set<String> KNOWN = new TreeSet<>(Set.of("from", "to", "days", "agent_id", "limit"));

    static InsightParameters read(Map<String, String[]> parameters, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (!KNOWN.contains(name)) {
                problems.add(FieldProblem.parameter(name, "unknown parameter '" + name + "'; known: " + String.join(", ", KNOWN)));
            }
        }
        Instant from = time(parameters, "from", problems);
        Instant to = time(parameters, "to", problems);
        Integer days = whole(parameters, "days", 1, MAX_DAYS, problems);
        Integer limit = whole(parameters, "limit", 1, MAX_LIMIT, problems);
        String agent = single(parameters, "agent_id", problems);
        if (from != null && days != null) {
            problems.add(FieldProblem.parameter("days", "give either from or days, not both (days sets from to days before to)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Instant end = to != null ? to : now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant start = from != null ? from : end.minus(Duration.ofDays(days == null ? DEFAULT_DAYS : days));
        if (!end.isAfter(start)) {
            throw InvalidRequestException.of(FieldProblem.parameter("to", "to (" + end + ") must be after from (" + start + ")"));
        }
        Duration length = Duration.between(start, end);
        if (length.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw InvalidRequestException.of(FieldProblem.parameter("from", "the period from " + start + " to " + end
                    + " is longer than " + MAX_DAYS + " days"));
        }
        return new InsightParameters(new InsightPeriods(start.minus(length), start, end, agent),
                limit == null ? DEFAULT_LIMIT : limit);
    }

    private static String single(Map<String, String[]> parameters, String name, List<FieldProblem> problems) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.length != 1) {
            problems.add(FieldProblem.parameter(name, name + " was given " + values.length + " times; give it once"));
            return null;
        }
        if (values[0].isEmpty()) {
            problems.add(FieldProblem.parameter(name, name + " is empty; leave it out to use the default"));
            return null;
        }
        if (values[0].length() > MAX_VALUE_LENGTH) {
            problems.add(FieldProblem.parameter(name, name + " is " + values[0].length()
                    + " characters long, over the limit of " + MAX_VALUE_LENGTH));
            return null;
        }
        return values[0];
    }

    private static Instant time(Map<String, String[]> parameters, String name, List<FieldProblem> problems) {
        String raw = single(parameters, name, problems);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.parameter(name, name
                    + " must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was '" + raw + "'"));
            return null;
        }
    }

    private static Integer whole(Map<String, String[]> parameters, String name, int min, int max,
            List<FieldProblem> problems) {
        String raw = single(parameters, name, problems);
        if (raw == null) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            value = min - 1;
        }
        if (value < min || value > max) {
            problems.add(FieldProblem.parameter(name, name + " must be a whole number between " + min + " and " + max
                    + ", was '" + raw + "'"));
            return null;
        }
        return value;
    }
}
