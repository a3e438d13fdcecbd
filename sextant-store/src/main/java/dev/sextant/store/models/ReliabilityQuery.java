package dev.sextant.store.models;

import java.time.Instant;
import java.util.Objects;

/**
 * Production traces served by {@code modelId}: traces with a span whose {@code model} is exactly
 * that id (the same match as the interactions filter {@code model}), of {@code agentId} when it is
 * given, started in [from, to).
 */
public record ReliabilityQuery(String modelId, String agentId, Instant from, Instant to) {
    public ReliabilityQuery {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
        }
    }
}
