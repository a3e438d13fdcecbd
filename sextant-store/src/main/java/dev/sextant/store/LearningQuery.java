package dev.sextant.store;

import dev.sextant.store.TrendQuery.Interval;
import java.time.Duration;
import java.util.Objects;

/**
 * What a learning read is about: the {@code learning} spans of the interactions {@code filter}
 * selects, with their confidence bucketed by {@code interval} of the interaction's start in UTC.
 * The filter must bound the time range; {@code patternLimit} caps the per-pattern list.
 */
public record LearningQuery(Interval interval, InteractionQuery filter, int patternLimit) {

    public LearningQuery {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(filter, "filter");
        if (filter.from() == null || filter.to() == null) {
            throw new IllegalArgumentException("from and to are both required (every bucket is listed)");
        }
        if (patternLimit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + patternLimit);
        }
        long approx = Duration.between(filter.from(), filter.to()).dividedBy(interval.approximate()) + 1;
        if (approx > TrendQuery.MAX_BUCKETS) {
            throw new IllegalArgumentException("interval " + interval.wire() + " over " + filter.from() + " .. "
                    + filter.to() + " gives about " + approx + " buckets; at most " + TrendQuery.MAX_BUCKETS
                    + " are allowed");
        }
    }
}
