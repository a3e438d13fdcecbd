package dev.sextant.server.context;

import dev.sextant.analytics.context.ContextRelevance;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.context.ContextQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of the context endpoints: {@code from} and {@code to} (RFC 3339; default the 30
 * days up to now; at most 366 days), {@code agent_id}; for the analytics {@code min_count} (1 to
 * 100,000, default {@value ContextRelevance#DEFAULT_MIN_COUNT}); for the export {@code cursor} (as
 * given out) and {@code limit} (1 to {@value #MAX_EXPORT_LIMIT}, default {@value #DEFAULT_EXPORT_LIMIT}).
 * Read with {@link QueryParams}: unknown, repeated, empty, oversize or control-character values are refused.
 */
record ContextParameters(ContextQuery query, int minCount) {
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(366);
    static final int DEFAULT_EXPORT_LIMIT = 500;
    static final int MAX_EXPORT_LIMIT = 5_000;
    static final Set<String> ANALYTICS = Set.of("from", "to", "agent_id", "min_count");
    static final Set<String> EXPORT = Set.of("from", "to", "agent_id", "cursor", "limit");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    static ContextParameters analytics(Map<String, String[]> parameters, Instant now) {
        QueryParams p = QueryParams.of(parameters, ANALYTICS);
        Integer minCount = p.whole("min_count", 1, 100_000);
        ContextQuery query = query(p, null, ContextQuery.MAX_LIMIT, now);
        return new ContextParameters(query, minCount == null ? ContextRelevance.DEFAULT_MIN_COUNT : minCount);
    }

    static ContextParameters export(Map<String, String[]> parameters, Instant now) {
        QueryParams p = QueryParams.of(parameters, EXPORT);
        Integer limit = p.whole("limit", 1, MAX_EXPORT_LIMIT);
        String raw = p.text("cursor", 2000);
        String after = null;
        if (raw != null) {
            after = decode(raw);
            if (after == null) {
                p.problem("cursor", "cursor is not one this endpoint gave out: '" + QueryParams.shown(raw) + "'");
            }
        }
        return new ContextParameters(query(p, after, limit == null ? DEFAULT_EXPORT_LIMIT : limit, now), 0);
    }

    private static ContextQuery query(QueryParams p, String after, int limit, Instant now) {
        Instant from = p.time("from");
        Instant to = p.time("to");
        String agent = p.text("agent_id");
        if (p.hasProblems()) {
            p.done();
        }
        Instant end = to != null ? to : now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant start = from != null ? from : end.minus(DEFAULT_RANGE);
        if (!end.isAfter(start)) {
            p.problem("to", "to (" + end + ") must be after from (" + start + ")");
        } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            p.problem("from", "from " + start + " to " + end + " is longer than " + MAX_RANGE.toDays() + " days");
        }
        p.done();
        return new ContextQuery(start, end, agent, after, limit);
    }

    /** The cursor after a trace id: the id in unpadded base64url. */
    static String encode(String traceId) {
        return B64.encodeToString(traceId.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String raw) {
        try {
            String id = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            return !id.isEmpty() && encode(id).equals(raw) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
