package dev.sextant.store;

import java.time.Instant;
import java.util.Objects;

/** A stored budget: its id, what it says, and when it was made and last changed. */
public record Budget(String id, BudgetSpec spec, Instant createdAt, Instant updatedAt) {
    public Budget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
    }
}
