package dev.sextant.server.context;

import dev.sextant.analytics.context.patterns.PatternOutcome;
import dev.sextant.analytics.context.patterns.PatternSettings;
import dev.sextant.server.web.QueryParams;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of {@code GET /api/v1/context/patterns}, each checked with a problem naming it:
 * {@code from}/{@code to} (RFC 3339, default the 30 days up to now, at most 366 days),
 * {@code agent_id}, {@code min_support} (0–1, default 0.02), {@code min_confidence} (0–1, default
 * 0.6), {@code max_length} (1–5, default 3), {@code outcome} (success, failure or both, the
 * default) and {@code limit} (1–500 rules, default 50). An unknown parameter, one given twice or
 * empty, over 256 characters or with a control character is refused too ({@link QueryParams}).
 */
record PatternsParameters(Instant from, Instant to, String agentId, PatternSettings settings, int limit) {
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(366);
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final Set<String> KNOWN = Set.of("from", "to", "agent_id", "min_support", "min_confidence", "max_length",
            "outcome", "limit");

    static PatternsParameters of(Map<String, String[]> parameters, Instant now, int maxItemsets) {
        QueryParams p = QueryParams.of(parameters, KNOWN);
        Instant from = p.time("from");
        Instant to = p.time("to");
        String agent = p.text("agent_id");
        Double minSupport = fraction(p, "min_support");
        Double minConfidence = fraction(p, "min_confidence");
        Integer maxLength = p.whole("max_length", 1, PatternSettings.MAX_LENGTH);
        Set<PatternOutcome> outcomes = outcomes(p, "outcome");
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

    /** A number greater than 0 and at most 1, or null when absent or wrong. */
    private static Double fraction(QueryParams p, String name) {
        String raw = p.text(name);
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
        p.problem(name, name + " must be a number greater than 0 and at most 1, was '" + QueryParams.shown(raw) + "'");
        return null;
    }

    private static Set<PatternOutcome> outcomes(QueryParams p, String name) {
        String raw = p.choice(name, List.of("success", "failure", "both"));
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "success" -> EnumSet.of(PatternOutcome.SUCCESS);
            case "failure" -> EnumSet.of(PatternOutcome.FAILURE);
            default -> EnumSet.allOf(PatternOutcome.class);
        };
    }
}
