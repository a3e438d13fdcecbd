package dev.sextant.server.insights;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.InsightPeriods;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

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
    private static final Set<String> KNOWN = Set.of("from", "to", "days", "agent_id", "limit");

    static InsightParameters read(Map<String, String[]> parameters, Instant now) {
        QueryParams p = QueryParams.of(parameters, KNOWN).withMaxLength(MAX_VALUE_LENGTH);
        Instant from = p.time("from");
        Instant to = p.time("to");
        Integer days = p.whole("days", 1, MAX_DAYS);
        Integer limit = p.whole("limit", 1, MAX_LIMIT);
        String agent = p.text("agent_id");
        if (from != null && days != null) {
            p.problem("days", "give either from or days, not both (days sets from to days before to)");
        }
        p.done();
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
}
