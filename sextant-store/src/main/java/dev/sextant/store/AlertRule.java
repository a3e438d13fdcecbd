package dev.sextant.store;

import java.time.Instant;
import java.util.Objects;

/** A stored alert rule of one workspace. */
public record AlertRule(String id, AlertRuleSpec spec, Instant createdAt, Instant updatedAt) {
    public AlertRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
    }
}
