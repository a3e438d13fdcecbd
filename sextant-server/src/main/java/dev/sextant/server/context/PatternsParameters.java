package dev.sextant.server.context;

import dev.sextant.analytics.context.patterns.PatternOutcome;
import dev.sextant.analytics.context.patterns.PatternSettings;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of {@code GET /api/v1/context/patterns}, each checked with a problem naming it:
 * {@code from}/{@code to} (RFC 3339, default the 30 days up to now, at most 366 days),
 * {@code agent_id}, {@code min_support} (0–1, default 0.02), {@code min_confidence} (0–1, default
 * 0.6), {@code max_length} (1–5, default 3), {@code outcome} (success, failure or both, the
 * default) and {@code limit} (1–500 rules, default 50). An unknown parameter, one given twice or
 * empty, over 256 characters or with a NUL is refused too.
 */
record PatternsParameters(Instant from, Instant to, String agentId, PatternSettings settings, int limit) {
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(366);
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final int MAX_LENGTH = 256;
    static final int ECHO = 100;
    static final Set<String> KNOWN = Set.of("from", "to", "agent_id", "min_support", "min_confidence", "max_length",
            "outcome", "limit");

    static PatternsParameters of(Map<String, String[]> parameters, Instant now, int maxItemsets) {
        Reader p = new Reader(parameters);
        Instant from = p.time("from");
        Instant to = p.time("to");
        String agent = p.text("agent_id");
        Double minSupport = p.fraction("min_support");
        Double minConfidence = p.fraction("min_confidence");
        Integer maxLength = p.whole("max_length", 1, PatternSettings.MAX_LENGTH);
        Set<PatternOutcome> outcomes = p.outcomes("outcome");
        Integer limit = p.whole("limit", 1, MAX_LIMIT);
        p.done();
        Instant end = to != null ? to : now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant start = from != null ? from : end.minus(DEFAULT_RANGE);
        if (!end.isAfter(start)) {
            p.problem("to", "to (" + end + ") must be after from (" + start + ")");
        } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            p.problem("from", "from " + start + " to " + end + " is longer than " + MAX_RANGE.toDays() + " days");
        }
        p.done();
        PatternSettings settings = new PatternSettings(
                minSupport == null ? PatternSettings.DEFAULT_MIN_SUPPORT : minSupport,
                minConfidence == null ? PatternSettings.DEFAULT_MIN_CONFIDENCE : minConfidence,
                maxLength == null ? PatternSettings.DEFAULT_MAX_LENGTH : maxLength,
                outcomes == null ? EnumSet.allOf(PatternOutcome.class) : outcomes, maxItemsets);
        return new PatternsParameters(start, end, agent, settings, limit == null ? DEFAULT_LIMIT : limit);
    }

    /** Reads the parameters one by one, collecting every problem before refusing the request. */
    private static final class Reader {
        private final Map<String, String[]> parameters;
        private final List<FieldProblem> problems = new ArrayList<>();

        Reader(Map<String, String[]> parameters) {
            this.parameters = parameters;
            for (String name : new TreeSet<>(parameters.keySet())) {
                if (!KNOWN.contains(name)) {
                    problem(name, "unknown parameter '" + echo(name) + "'; known: " + String.join(", ", new TreeSet<>(KNOWN)));
                }
            }
        }

        String text(String name) {
            String[] values = parameters.get(name);
            if (values == null) {
                return null;
            }
            if (values.length != 1 || values[0].isBlank()) {
                problem(name, name + " must be given once with a value");
            } else if (values[0].indexOf('\u0000') >= 0) {
                problem(name, name + " contains a NUL character");
            } else if (values[0].length() > MAX_LENGTH) {
                problem(name, name + " is " + values[0].length() + " characters, over the limit of " + MAX_LENGTH);
            } else {
                return values[0];
            }
            return null;
        }

        Instant time(String name) {
            String raw = text(name);
            if (raw == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (RuntimeException e) {
                problem(name, name + " must be an RFC 3339 time such as 2026-11-01T00:00:00Z, was '" + echo(raw) + "'");
                return null;
            }
        }

        /** A number greater than 0 and at most 1. */
        Double fraction(String name) {
            String raw = text(name);
            if (raw == null) {
                return null;
            }
            try {
                double value = Double.parseDouble(raw);
                if (value > 0 && value <= 1 && raw.matches("[0-9.eE+-]+")) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(name, name + " must be a number greater than 0 and at most 1, was '" + echo(raw) + "'");
            return null;
        }

        Integer whole(String name, int min, int max) {
            String raw = text(name);
            if (raw == null) {
                return null;
            }
            try {
                int value = Integer.parseInt(raw);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(name, name + " must be a whole number between " + min + " and " + max + ", was '" + echo(raw) + "'");
            return null;
        }

        Set<PatternOutcome> outcomes(String name) {
            String raw = text(name);
            if (raw == null) {
                return null;
            }
            return switch (raw) {
                case "success" -> EnumSet.of(PatternOutcome.SUCCESS);
                case "failure" -> EnumSet.of(PatternOutcome.FAILURE);
                case "both" -> EnumSet.allOf(PatternOutcome.class);
                default -> {
                    problem(name, name + " must be success, failure or both, was '" + echo(raw) + "'");
                    yield null;
                }
            };
        }

        void problem(String name, String message) {
            problems.add(FieldProblem.parameter(echo(name), message));
        }

        void done() {
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
        }

        private static String echo(String raw) {
            return raw.length() <= ECHO ? raw : raw.substring(0, ECHO) + "...";
        }
    }
}
