package dev.sextant.store;

import dev.sextant.store.TrendQuery.Interval;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a feedback read is about: the scores named {@code scoreName} on the interactions
 * {@code filter} selects, bucketed by {@code interval} of the interaction's start in UTC and split
 * by {@code groupBy} ({@code metadataKey} names the key when grouping by metadata). The filter
 * must bound the time range so that every bucket can be listed.
 */
public record FeedbackQuery(String scoreName, Interval interval, GroupBy groupBy, String metadataKey,
        InteractionQuery filter) {

    /** Score names and metadata keys are short identifiers; anything else is refused. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public FeedbackQuery {
        Objects.requireNonNull(scoreName, "scoreName");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(filter, "filter");
        if (!NAME.matcher(scoreName).matches()) {
            throw new IllegalArgumentException("score must be 1-64 of letters, digits and _ . : -, was '" + scoreName + "'");
        }
        if ((groupBy == GroupBy.METADATA) != (metadataKey != null)) {
            throw new IllegalArgumentException("a metadata key is given exactly when grouping by metadata");
        }
        if (metadataKey != null && !NAME.matcher(metadataKey).matches()) {
            throw new IllegalArgumentException(
                    "the metadata key must be 1-64 of letters, digits and _ . : -, was '" + metadataKey + "'");
        }
        if (filter.from() == null || filter.to() == null) {
            throw new IllegalArgumentException("from and to are both required (every bucket is listed)");
        }
        long approx = Duration.between(filter.from(), filter.to()).dividedBy(interval.approximate()) + 1;
        if (approx > TrendQuery.MAX_BUCKETS) {
            throw new IllegalArgumentException("interval " + interval.wire() + " over " + filter.from() + " .. "
                    + filter.to() + " gives about " + approx + " buckets; at most " + TrendQuery.MAX_BUCKETS
                    + " are allowed");
        }
    }

    /** What splits the scores into groups; by tag a score counts under each tag of its interaction. */
    public enum GroupBy {
        AGENT, TAG, MESSAGE_TYPE, METADATA;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
