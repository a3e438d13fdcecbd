package dev.sextant.server.analytics;

import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.FeedbackQuery;
import dev.sextant.store.FeedbackQuery.GroupBy;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.TrendQuery.Interval;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The parameters of {@code GET /api/v1/analytics/feedback}: {@code score} (default
 * {@code user_rating}), {@code interval} (default {@code day}), {@code group_by} ({@code agent},
 * {@code tag}, {@code message_type} or {@code metadata.<key>}), {@code low_max} and
 * {@code high_min} (what a low and a high rating is for the themes, default 2 and 4),
 * {@code themes} (terms per theme list, default 10), and every interaction filter. The range
 * defaults as for trends: up to now, 48 hours / 30 days / 12 weeks / 365 days back.
 */
record FeedbackParameters(FeedbackQuery query, double lowMax, double highMin, int themes) {
    static final String DEFAULT_SCORE = "user_rating";
    static final int DEFAULT_THEMES = 10;
    static final int MAX_THEMES = 50;

    static FeedbackParameters read(Map<String, String[]> parameters, Instant now) {
        Map<String, String[]> filters = new HashMap<>(parameters);
        List<FieldProblem> problems = new ArrayList<>();
        String score = QueryValues.single(filters.remove("score"), "score", problems);
        String rawInterval = QueryValues.single(filters.remove("interval"), "interval", problems);
        String rawGroupBy = QueryValues.single(filters.remove("group_by"), "group_by", problems);
        Double lowMax = number(QueryValues.single(filters.remove("low_max"), "low_max", problems), "low_max", problems, 2.0);
        Double highMin = number(QueryValues.single(filters.remove("high_min"), "high_min", problems), "high_min", problems, 4.0);
        String rawThemes = QueryValues.single(filters.remove("themes"), "themes", problems);
        if (score == null) {
            score = DEFAULT_SCORE;
        } else if (!FeedbackQuery.NAME.matcher(score).matches()) {
            problems.add(FieldProblem.parameter("score", "score must be 1-64 of letters, digits and _ . : -, was '"
                    + shortened(score) + "'"));
        }
        Interval interval = rawInterval == null ? Interval.DAY
                : parse(Interval::fromWire, rawInterval, "interval", problems);
        GroupBy groupBy = null;
        String metadataKey = null;
        if (rawGroupBy != null) {
            if (rawGroupBy.startsWith("metadata.")) {
                groupBy = GroupBy.METADATA;
                metadataKey = rawGroupBy.substring("metadata.".length());
                if (!FeedbackQuery.NAME.matcher(metadataKey).matches()) {
                    problems.add(FieldProblem.parameter("group_by", "group_by metadata.<key> needs a key of 1-64 "
                            + "letters, digits and _ . : -, was '" + shortened(rawGroupBy) + "'"));
                }
            } else {
                groupBy = switch (rawGroupBy) {
                    case "agent" -> GroupBy.AGENT;
                    case "tag" -> GroupBy.TAG;
                    case "message_type" -> GroupBy.MESSAGE_TYPE;
                    default -> {
                        problems.add(FieldProblem.parameter("group_by", "group_by must be one of agent, tag, "
                                + "message_type, metadata.<key>, was '" + shortened(rawGroupBy) + "'"));
                        yield null;
                    }
                };
            }
        }
        int themes = DEFAULT_THEMES;
        if (rawThemes != null) {
            try {
                themes = Integer.parseInt(rawThemes);
            } catch (NumberFormatException e) {
                themes = 0;
            }
            if (themes < 1 || themes > MAX_THEMES) {
                problems.add(FieldProblem.parameter("themes", "themes must be a whole number between 1 and "
                        + MAX_THEMES + ", was '" + shortened(rawThemes) + "'"));
            }
        }
        if (lowMax != null && highMin != null && !(lowMax < highMin)) {
            problems.add(FieldProblem.parameter("low_max",
                    "low_max (" + lowMax + ") must be below high_min (" + highMin + ")"));
        }
        InteractionQuery filter = null;
        try {
            filter = InteractionFilters.query(filters, Set.of("group_by", "high_min", "interval", "low_max", "score", "themes"));
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        InteractionQuery bounded = bounded(filter, interval, now);
        try {
            return new FeedbackParameters(new FeedbackQuery(score, interval, groupBy, metadataKey, bounded), lowMax,
                    highMin, themes);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(FieldProblem.parameter("interval", e.getMessage()));
        }
    }

    /** The filter with both ends of its range set: without {@code to} now, without {@code from} a default span back. */
    static InteractionQuery bounded(InteractionQuery filter, Interval interval, Instant now) {
        Instant to = filter.to() != null ? filter.to() : now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant from = filter.from() != null ? filter.from() : to.minus(switch (interval) {
            case HOUR -> Duration.ofHours(48);
            case DAY -> Duration.ofDays(30);
            case WEEK -> Duration.ofDays(7 * 12);
            case MONTH -> Duration.ofDays(365);
        });
        if (!to.isAfter(from)) {
            throw InvalidRequestException.of(FieldProblem.parameter("to", "to (" + to + ") must be after from (" + from + ")"));
        }
        return new InteractionQuery(from, to, filter.agentId(), filter.conversationId(), filter.sessionId(),
                filter.userId(), filter.model(), filter.minConfidence(), filter.maxConfidence(), filter.handoff(),
                filter.status(), filter.messageType(), filter.tag());
    }

    static <T> T parse(Function<String, T> parse, String raw, String name, List<FieldProblem> problems) {
        try {
            return parse.apply(raw);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.parameter(name, e.getMessage().replace(raw, shortened(raw))));
            return null;
        }
    }

    private static Double number(String raw, String name, List<FieldProblem> problems, double fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(raw);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(FieldProblem.parameter(name, name + " must be a finite number, was '" + shortened(raw) + "'"));
        return null;
    }

    /** The one value of a parameter, or null when absent; given twice or empty is a problem. */

    /** A value as echoed in a message: at most 100 characters, so a hostile value is not mirrored whole. */
    static String shortened(String raw) {
        return raw.length() <= 100 ? raw : raw.substring(0, 100) + "...";
    }
}
