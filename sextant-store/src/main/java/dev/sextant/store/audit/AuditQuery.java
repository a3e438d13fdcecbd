package dev.sextant.store.audit;

import java.time.Instant;

/**
 * Which entries to read, newest first. {@code action} ending in {@code .} matches every action
 * with that prefix ({@code api_key.}), otherwise exactly; {@code actor} matches the actor's id or
 * name exactly; {@code from} is inclusive and {@code to} exclusive; {@code after} is the
 * {@link AuditPage#nextCursor()} of the previous page. Null means no filter.
 */
public record AuditQuery(String action, String actor, String targetType, String targetId, Instant from, Instant to,
        String after, int limit) {
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static AuditQuery all(int limit) {
        return new AuditQuery(null, null, null, null, null, null, null, limit);
    }

    public AuditQuery after(String cursor) {
        return new AuditQuery(action, actor, targetType, targetId, from, to, cursor, limit);
    }
}
