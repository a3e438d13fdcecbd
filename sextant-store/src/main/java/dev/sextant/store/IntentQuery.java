package dev.sextant.store;

import java.time.Duration;
import java.util.Objects;

/**
 * An intents read: the interactions {@code filter} selects and, when {@code interval} is set, each
 * intent's series over time. A series lists every bucket, so the filter must then bound the range.
 */
public record IntentQuery(InteractionQuery filter, TrendQuery.Interval interval) {

    public IntentQuery {
        Objects.requireNonNull(filter, "filter");
        if (interval != null) {
            if (filter.from() == null || filter.to() == null) {
                throw new IllegalArgumentException("from and to are both required for a series (every bucket is listed)");
            }
            long approx = Duration.between(filter.from(), filter.to()).dividedBy(interval.approximate()) + 1;
            if (approx > TrendQuery.MAX_BUCKETS) {
                throw new IllegalArgumentException("interval " + interval.wire() + " over " + filter.from() + " .. "
                        + filter.to() + " gives about " + approx + " buckets; at most " + TrendQuery.MAX_BUCKETS
                        + " are allowed");
            }
        }
    }
}
