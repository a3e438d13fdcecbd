package dev.sextant.store.context;

import java.time.Instant;
import java.util.Objects;

/**
 * Interactions (traces) started in {@code [from, to)}, of one agent or all ({@code agentId}
 * null), in trace id order after {@code afterTraceId} (a keyset cursor; null for the first
 * page), at most {@code limit} (1 to {@link #MAX_LIMIT}).
 */
public record ContextQuery(Instant from, Instant to, String agentId, String afterTraceId, int limit) {
    public static final int MAX_LIMIT = 10_000;

    public ContextQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The next page after {@code traceId}. */
    public ContextQuery after(String traceId) {
        return new ContextQuery(from, to, agentId, traceId, limit);
    }
}
