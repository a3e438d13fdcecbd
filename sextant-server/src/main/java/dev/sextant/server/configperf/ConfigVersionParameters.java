package dev.sextant.server.configperf;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.ConfigurationPerformanceQuery;
import dev.sextant.store.TrendQuery.Interval;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of the config-version endpoints, read strictly: an unknown parameter, one
 * given twice or empty, longer than {@link ConfigurationPerformanceQuery#MAX_TEXT}, holding a NUL,
 * or one that does not parse is a problem naming it; every problem is reported at once.
 */
final class ConfigVersionParameters {
    private static final String TIME = "an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z";

    private final Map<String, String[]> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();

    ConfigVersionParameters(Map<String, String[]> parameters, Set<String> known) {
        this.parameters = parameters;
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                problem(name, "unknown parameter '" + shortened(name) + "'; known: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    String text(String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.length != 1 || values[0].isEmpty()) {
            problem(name, name + " must be given once with a value");
            return null;
        }
        if (values[0].indexOf('\u0000') >= 0) {
            problem(name, name + " contains a NUL character");
            return null;
        }
        if (values[0].length() > ConfigurationPerformanceQuery.MAX_TEXT) {
            problem(name, name + " is " + values[0].length() + " characters, over the limit of "
                    + ConfigurationPerformanceQuery.MAX_TEXT);
            return null;
        }
        return values[0];
    }

    String required(String name) {
        if (!parameters.containsKey(name)) {
            problem(name, name + " is required");
            return null;
        }
        return text(name);
    }

    Instant time(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (RuntimeException e) {
            problem(name, name + " must be " + TIME + ", was '" + raw + "'");
            return null;
        }
    }

    Interval interval(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        if (raw.equals("day") || raw.equals("week")) {
            return Interval.fromWire(raw);
        }
        problem(name, name + " must be one of day, week, was '" + raw + "'");
        return null;
    }

    /** One of {@code choices} (their wire names), or null when absent or wrong. */
    String choice(String name, List<String> choices) {
        String raw = text(name);
        if (raw == null || choices.contains(raw)) {
            return raw;
        }
        problem(name, name + " must be one of " + String.join(", ", choices) + ", was '" + shortened(raw) + "'");
        return null;
    }

    /**
     * A non-negative amount of money in USD: digits with an optional decimal point, at most 12
     * before it and 9 after (no sign, exponent, NaN or infinity); null when absent or wrong.
     */
    java.math.BigDecimal money(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        if (raw.matches("[0-9]{1,12}(\\.[0-9]{1,9})?")) {
            return new java.math.BigDecimal(raw);
        }
        problem(name, name + " must be a non-negative amount in USD such as 2.50 (at most 12 digits before the point"
                + " and 9 after), was '" + shortened(raw) + "'");
        return null;
    }

    /** Throws every problem found so far as a 400. */
    void done() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /** The store query, or every problem found so far (and the query's own cross-field checks) as a 400. */
    ConfigurationPerformanceQuery query(String agentId, Instant from, Instant to, List<String> versions,
            Interval series) {
        ConfigurationPerformanceQuery query = null;
        if (problems.isEmpty()) {
            try {
                query = new ConfigurationPerformanceQuery(agentId, from, to, versions, series);
            } catch (IllegalArgumentException e) {
                problem(e.getMessage().startsWith("to ") ? "to" : series != null ? "interval" : "from", e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return query;
    }

    void problem(String name, String message) {
        problems.add(FieldProblem.parameter(shortened(name), message));
    }

    private static String shortened(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "..." : name;
    }
}
