package dev.sextant.sdk.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter" (half fixed, half random, so concurrent clients spread
 * out but none retries at once), never shorter than the server's {@code Retry-After}, never
 * longer than the configured maximum.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry, Optional<Duration> retryAfter) {
        long ceiling = max.toMillis();
        long exponential = Math.min(ceiling, initial.toMillis() << Math.min(retry - 1, 30));
        long half = exponential / 2;
        long jittered = half + ThreadLocalRandom.current().nextLong(half + 1);
        long wait = Math.max(jittered, retryAfter.map(Duration::toMillis).orElse(0L));
        return Duration.ofMillis(Math.min(wait, ceiling));
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; absent or unreadable means none. */
    public static Optional<Duration> parseRetryAfter(String header, ZonedDateTime now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
