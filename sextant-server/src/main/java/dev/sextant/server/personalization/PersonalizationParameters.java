package dev.sextant.server.personalization;

import dev.sextant.server.web.QueryParams;
import dev.sextant.store.PersonalizationQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of the personalization endpoints: {@code from} and {@code to} (RFC 3339; default
 * the 12 weeks up to now; at most 366 days), {@code agent_id}, and for the users list
 * {@code user_id}, {@code limit} (1-200, default 50) and {@code cursor}; for segments {@code k}
 * (2-10, default chosen by silhouette).
 */
record PersonalizationParameters(PersonalizationQuery query, int limit, UserCursor cursor, Integer k) {
    static final Duration DEFAULT_RANGE = Duration.ofDays(7 * 12);
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** Room for two ids of 256 characters (up to 768 UTF-8 bytes, 1024 in base64) and the count. */
    static final int MAX_CURSOR_LENGTH = 3000;
    static final Set<String> USERS = Set.of("from", "to", "agent_id", "user_id", "limit", "cursor");
    static final Set<String> SEGMENTS = Set.of("from", "to", "agent_id", "k");

    static PersonalizationParameters users(Map<String, String[]> parameters, Instant now) {
        QueryParams p = QueryParams.of(parameters, USERS);
        Instant from = p.time("from");
        Instant to = p.time("to");
        String agent = p.text("agent_id");
        String user = p.text("user_id");
        Integer limit = p.whole("limit", 1, MAX_LIMIT);
        String rawCursor = p.text("cursor", MAX_CURSOR_LENGTH);
        UserCursor cursor = null;
        if (rawCursor != null) {
            cursor = UserCursor.decode(rawCursor);
            if (cursor == null) {
                p.problem("cursor", "cursor is not one this endpoint gave out: '" + QueryParams.shown(rawCursor) + "'");
            }
        }
        PersonalizationQuery query = query(p, from, to, agent, user, now);
        return new PersonalizationParameters(query, limit == null ? DEFAULT_LIMIT : limit, cursor, null);
    }

    static PersonalizationParameters segments(Map<String, String[]> parameters, Instant now) {
        QueryParams p = QueryParams.of(parameters, SEGMENTS);
        Instant from = p.time("from");
        Instant to = p.time("to");
        String agent = p.text("agent_id");
        Integer k = p.whole("k", dev.sextant.analytics.personalization.UserSegments.MIN_K,
                dev.sextant.analytics.personalization.UserSegments.MAX_K);
        return new PersonalizationParameters(query(p, from, to, agent, null, now), 0, null, k);
    }

    /** Only {@code from} and {@code to} (with their defaults and limit) among the {@code known} parameters. */
    static PersonalizationQuery window(Map<String, String[]> parameters, Set<String> known, Instant now) {
        QueryParams p = QueryParams.of(parameters, known);
        Instant from = p.time("from");
        Instant to = p.time("to");
        return query(p, from, to, null, null, now);
    }

    private static PersonalizationQuery query(QueryParams p, Instant from, Instant to, String agent, String user,
            Instant now) {
        if (p.hasProblems()) {
            p.done();
        }
        Instant end = to != null ? to : now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant start = from != null ? from : end.minus(DEFAULT_RANGE);
        if (!end.isAfter(start)) {
            p.problem("to", "to (" + end + ") must be after from (" + start + ")");
        } else if (Duration.between(start, end).compareTo(PersonalizationQuery.MAX_RANGE) > 0) {
            p.problem("from", "from " + start + " to " + end + " is longer than "
                    + PersonalizationQuery.MAX_RANGE.toDays() + " days");
        }
        p.done();
        return new PersonalizationQuery(start, end, agent, user);
    }
}
