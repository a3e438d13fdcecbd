package dev.sextant.analytics;

import dev.sextant.store.TrendQuery.Interval;
import dev.sextant.store.TrendResult.Bucket;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The last complete period against the one before it. A bucket is complete when it starts at or
 * after {@code completeFrom} (the query's start: a first bucket that began earlier covers only
 * part of its interval) and ends at or before {@code completeBy} (the earlier of the query's end
 * and now). {@code change} is
 * {@code last - previous}, {@code changeRatio} is {@code change / |previous|}; each is null when
 * an operand is missing (or previous is 0 for the ratio). All fields are null when there are not
 * two complete buckets.
 */
public record PeriodChange(Instant previousStart, Double previous, Instant lastStart, Double last,
        Double change, Double changeRatio) {

    public static PeriodChange of(List<Bucket> buckets, Interval interval, Instant completeBy) {
        return of(buckets, interval, Instant.MIN, completeBy);
    }

    public static PeriodChange of(List<Bucket> buckets, Interval interval, Instant completeFrom, Instant completeBy) {
        int last = -1;
        for (int i = buckets.size() - 1; i >= 0; i--) {
            if (!end(buckets.get(i).start(), interval).isAfter(completeBy)) {
                last = i;
                break;
            }
        }
        if (last < 1 || buckets.get(last - 1).start().isBefore(completeFrom)) {
            return new PeriodChange(null, null, null, null, null, null);
        }
        Bucket before = buckets.get(last - 1);
        Bucket now = buckets.get(last);
        Double change = before.value() == null || now.value() == null ? null : now.value() - before.value();
        Double ratio = change == null || before.value() == 0 ? null : change / Math.abs(before.value());
        return new PeriodChange(before.start(), before.value(), now.start(), now.value(), change, ratio);
    }

    /** Whether the bucket covers its whole interval inside [{@code from}, {@code completeBy}]. */
    public static boolean complete(Bucket bucket, Interval interval, Instant from, Instant completeBy) {
        return !bucket.start().isBefore(from) && !end(bucket.start(), interval).isAfter(completeBy);
    }

    /** Where the bucket starting at {@code start} ends, in UTC calendar terms. */
    public static Instant end(Instant start, Interval interval) {
        ZonedDateTime s = start.atZone(ZoneOffset.UTC);
        ZonedDateTime end = switch (interval) {
            case HOUR -> s.plus(1, ChronoUnit.HOURS);
            case DAY -> s.plusDays(1);
            case WEEK -> s.plusWeeks(1);
            case MONTH -> s.plusMonths(1);
        };
        return end.toInstant();
    }
}
