package dev.sextant.server.analytics;

import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.TrendQuery;
import dev.sextant.store.TrendQuery.GroupBy;
import dev.sextant.store.TrendQuery.Interval;
import dev.sextant.store.TrendQuery.Metric;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of {@code GET /api/v1/analytics/trends}: {@code metric} (required),
 * {@code interval} (default {@code day}), {@code group_by}, and every interaction filter read by
 * {@link InteractionFilters}. Without {@code to} the range ends now; without {@code from} it
 * starts a default span before {@code to} (48 hours, 30 days, 12 weeks or 365 days).
 */
final class TrendParameters {
    private TrendParameters() {
    }

    static TrendQuery read(Map<String, String[]> parameters, Instant now) {
        Map<String, String[]> filters = new HashMap<>(parameters);
        List<FieldProblem> problems = new ArrayList<>();
        String rawMetric = QueryValues.single(filters.remove("metric"), "metric", problems);
        String rawInterval = QueryValues.single(filters.remove("interval"), "interval", problems);
        String rawGroupBy = QueryValues.single(filters.remove("group_by"), "group_by", problems);
        Metric metric = null;
        if (rawMetric == null && !parameters.containsKey("metric")) {
            problems.add(FieldProblem.parameter("metric", "metric is required"));
        } else if (rawMetric != null) {
            metric = parse(() -> Metric.fromWire(rawMetric), "metric", problems);
        }
        Interval interval = rawInterval == null ? Interval.DAY
                : parse(() -> Interval.fromWire(rawInterval), "interval", problems);
        GroupBy groupBy = rawGroupBy == null ? null : parse(() -> GroupBy.fromWire(rawGroupBy), "group_by", problems);
        InteractionQuery filter = null;
        try {
            filter = InteractionFilters.query(filters, Set.of("group_by", "interval", "metric"));
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Instant to = filter.to() != null ? filter.to() : now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant from = filter.from() != null ? filter.from() : to.minus(defaultSpan(interval));
        if (!to.isAfter(from)) {
            throw new InvalidRequestException(List.of(FieldProblem.parameter("to",
                    "to (" + to + ") must be after from (" + from + ")")));
        }
        InteractionQuery bounded = new InteractionQuery(from, to, filter.agentId(), filter.conversationId(),
                filter.sessionId(), filter.userId(), filter.model(), filter.minConfidence(), filter.maxConfidence(),
                filter.handoff(), filter.status(), filter.messageType(), filter.tag());
        try {
            return new TrendQuery(metric, interval, groupBy, bounded);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(FieldProblem.parameter("interval", e.getMessage())));
        }
    }

    private static Duration defaultSpan(Interval interval) {
        return switch (interval) {
            case HOUR -> Duration.ofHours(48);
            case DAY -> Duration.ofDays(30);
            case WEEK -> Duration.ofDays(7 * 12);
            case MONTH -> Duration.ofDays(365);
        };
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Parse<T> parse, String name, List<FieldProblem> problems) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.parameter(name, e.getMessage()));
            return null;
        }
    }

}
