package dev.sextant.server.demo;

import java.time.Instant;

/** A clock that moves forward as the steps of one trace happen one after another. */
final class Timeline {
    private Instant now;

    Timeline(Instant start) {
        this.now = start;
    }

    Instant now() {
        return now;
    }

    /** Moves the clock {@code millis} forward and returns the new time. */
    Instant advance(long millis) {
        now = now.plusMillis(Math.max(0, millis));
        return now;
    }
}
