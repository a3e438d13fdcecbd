package dev.sextant.store;

import java.time.Instant;
import java.util.Objects;

/** Uses of prompt templates that started in [from, to); {@code templateId} null: of every template. */
public record PromptUsageQuery(String templateId, Instant from, Instant to) {
    public PromptUsageQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, were " + from + " and " + to);
        }
    }
}
