package dev.sextant.otlp;

import java.time.Instant;

/** OTLP times (fixed64 nanoseconds since the epoch, 0 = unset) as microsecond instants, like the store keeps. */
final class OtlpTimes {
    private OtlpTimes() {}

    static Instant instant(long unixNanos) {
        if (unixNanos == 0) {
            return null;
        }
        // fixed64 is unsigned; past 2262 it would read negative: unsigned division keeps it right.
        long seconds = Long.divideUnsigned(unixNanos, 1_000_000_000L);
        long nanos = Long.remainderUnsigned(unixNanos, 1_000_000_000L);
        return Instant.ofEpochSecond(seconds, nanos / 1000 * 1000);
    }
}
