package dev.sextant.store;

import java.time.Instant;

/**
 * Which sessions a list is about; a null field does not filter. {@code from} is inclusive and
 * {@code to} exclusive, on the session's start. {@code open}: true for sessions without an end
 * yet, false for ended ones.
 */
public record SessionQuery(Instant from, Instant to, String agentId, String userId, Boolean open) {

    public static final SessionQuery ALL = new SessionQuery(null, null, null, null, null);

    public SessionQuery {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
        }
    }
}
