package dev.sextant.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One incident: opened when its condition first held ({@code startedAt}), updated while it keeps
 * holding ({@code lastSeenAt}, {@code value}, {@code details}, {@code occurrences} = how many
 * times it was raised), resolved when it cleared.
 */
public record Alert(
        String id,
        String dedupeKey,
        String source,
        String ruleId,
        String title,
        Severity severity,
        AlertStatus status,
        Double value,
        String details,
        long occurrences,
        Instant startedAt,
        Instant lastSeenAt,
        Instant resolvedAt,
        Instant acknowledgedAt,
        String acknowledgedBy) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }
}
