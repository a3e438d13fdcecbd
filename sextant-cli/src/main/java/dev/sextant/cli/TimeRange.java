package dev.sextant.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The last N days up to an end time (now, to the second, unless given). */
record TimeRange(Instant from, Instant to) {
    static TimeRange lastDays(int days, Instant to, Clock clock) {
        Instant end = to != null ? to : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new TimeRange(end.minus(Duration.ofDays(days)), end);
    }

    /** The period of the same length just before this one. */
    TimeRange previous() {
        return new TimeRange(from.minus(Duration.between(from, to)), from);
    }
}
