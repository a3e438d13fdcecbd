package dev.sextant.server.configperf;

import dev.sextant.server.web.QueryParams;
import dev.sextant.store.TrendQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The {@code [from, to)} range of an analysis over daily series: without {@code to}, the end of
 * the current UTC day; without {@code from}, {@link #DEFAULT_DAYS} days before {@code to}; at most
 * {@link TrendQuery#MAX_BUCKETS} days. A range that is empty or too long is a problem naming
 * {@code to} or {@code from}.
 */
record DailyRange(Instant from, Instant to) {
    static final int DEFAULT_DAYS = 90;

    static DailyRange of(QueryParams p, Instant now) {
        Instant from = p.time("from");
        Instant to = p.time("to");
        Instant end = to != null ? to : now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        Instant start = from != null ? from : end.minus(Duration.ofDays(DEFAULT_DAYS));
        if (!end.isAfter(start)) {
            p.problem("to", "to (" + end + ") must be after from (" + start + ")");
        } else if (Duration.between(start, end).toDays() >= TrendQuery.MAX_BUCKETS) {
            p.problem("from", "from " + start + " to " + end + " spans " + Duration.between(start, end).toDays()
                    + " days; at most " + (TrendQuery.MAX_BUCKETS - 1) + " are allowed");
        }
        p.done();
        return new DailyRange(start, end);
    }
}
