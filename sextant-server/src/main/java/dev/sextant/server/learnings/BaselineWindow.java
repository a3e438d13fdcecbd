package dev.sextant.server.learnings;

import dev.sextant.server.web.QueryParams;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The window of traces a learning's baseline is counted over: {@code from} (inclusive) to
 * {@code to} (exclusive), RFC 3339. Without {@code to} it ends now (to the next second); without
 * {@code from} it starts {@link #DEFAULT_RANGE} before its end; at most {@link #MAX_RANGE} long.
 * Bounding it keeps the baseline's scan of an agent's traces bounded however old the workspace is.
 */
record BaselineWindow(Instant from, Instant to) {
    static final Duration DEFAULT_RANGE = Duration.ofDays(90);
    static final Duration MAX_RANGE = Duration.ofDays(366);

    /** The default window ending at {@code now}. */
    static BaselineWindow upTo(Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return new BaselineWindow(end.minus(DEFAULT_RANGE), end);
    }

    /** Reads {@code from} and {@code to}; problems are added to {@code p} (the caller calls {@code done()}). */
    static BaselineWindow read(QueryParams p, Instant now) {
        Instant from = p.time("from");
        Instant to = p.time("to");
        if (p.hasProblems()) {
            return null;
        }
        Instant end = to != null ? to : now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant start = from != null ? from : end.minus(DEFAULT_RANGE);
        if (!end.isAfter(start)) {
            p.problem("to", "to (" + end + ") must be after from (" + start + ")");
        } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            p.problem("from", "from " + start + " to " + end + " is longer than " + MAX_RANGE.toDays() + " days");
        }
        return new BaselineWindow(start, end);
    }
}
