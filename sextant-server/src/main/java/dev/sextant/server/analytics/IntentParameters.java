package dev.sextant.server.analytics;

import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.IntentQuery;
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

/**
 * The parameters of {@code GET /api/v1/analytics/intents}: {@code interval} (optional; asks for
 * each intent's series) and every interaction filter. With an interval the range must be bounded:
 * without {@code to} it ends now, without {@code from} it starts 48 hours, 30 days, 12 weeks or
 * 365 days before {@code to} (as for trends). Without an interval {@code from}/{@code to} are
 * plain optional filters.
 */
final class IntentParameters {
    private IntentParameters() {
    }

    static IntentQuery read(Map<String, String[]> parameters, Instant now) {
        Map<String, String[]> filters = new HashMap<>(parameters);
        List<FieldProblem> problems = new ArrayList<>();
        String[] raw = filters.remove("interval");
        Interval interval = null;
        if (raw != null) {
            if (raw.length != 1 || raw[0].isEmpty()) {
                problems.add(FieldProblem.parameter("interval", "interval must be given once with a value"));
            } else {
                try {
                    interval = Interval.fromWire(raw[0]);
                } catch (IllegalArgumentException e) {
                    problems.add(FieldProblem.parameter("interval", e.getMessage()));
                }
            }
        }
        InteractionQuery filter = null;
        try {
            filter = InteractionFilters.query(filters, Set.of("interval"));
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (interval == null) {
            return new IntentQuery(filter, null);
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
            return new IntentQuery(bounded, interval);
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
}
