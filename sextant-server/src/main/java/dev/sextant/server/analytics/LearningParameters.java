package dev.sextant.server.analytics;

import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.LearningQuery;
import dev.sextant.store.TrendQuery.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of {@code GET /api/v1/analytics/learning}: {@code interval} (default
 * {@code day}), {@code limit} (patterns listed, 1-1000, default 50) and every interaction
 * filter; the range defaults as for trends.
 */
final class LearningParameters {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private LearningParameters() {
    }

    static LearningQuery read(Map<String, String[]> parameters, Instant now) {
        Map<String, String[]> filters = new HashMap<>(parameters);
        List<FieldProblem> problems = new ArrayList<>();
        String rawInterval = QueryValues.single(filters.remove("interval"), "interval", problems);
        String rawLimit = QueryValues.single(filters.remove("limit"), "limit", problems);
        Interval interval = rawInterval == null ? Interval.DAY
                : FeedbackParameters.parse(Interval::fromWire, rawInterval, "interval", problems);
        int limit = DEFAULT_LIMIT;
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                limit = 0;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.add(FieldProblem.parameter("limit", "limit must be a whole number between 1 and " + MAX_LIMIT
                        + ", was '" + FeedbackParameters.shortened(rawLimit) + "'"));
            }
        }
        InteractionQuery filter = null;
        try {
            filter = InteractionFilters.query(filters, Set.of("interval", "limit"));
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        try {
            return new LearningQuery(interval, FeedbackParameters.bounded(filter, interval, now), limit);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(FieldProblem.parameter("interval", e.getMessage()));
        }
    }
}
