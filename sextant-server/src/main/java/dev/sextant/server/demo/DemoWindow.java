package dev.sextant.server.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The 28 days the demo covers: from the first full hour after {@code now − 28 days} to
 * {@code now}. Nothing in the demo happens outside it.
 */
record DemoWindow(Instant start, Instant now) {
    static final Duration LENGTH = Duration.ofDays(28);

    static DemoWindow endingAt(Instant now) {
        Instant start = now.minus(LENGTH).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        return new DemoWindow(start, now);
    }

    /** The instant {@code days} days (fractions allowed) after the window's start. */
    Instant day(double days) {
        return start.plusSeconds(Math.round(days * 86_400));
    }

    /** Whole days between the window's start and {@code t}. */
    int dayOf(Instant t) {
        return (int) Duration.between(start, t).toDays();
    }
}
