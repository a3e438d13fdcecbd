package dev.sextant.analytics.configurations;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A customization that went live: at {@code at}, agent {@code agentId} (null: traces without an
 * agent) moved from config version {@code fromVersion} to {@code toVersion}. {@code workCostUsd}
 * is what the change cost to make, when known (null: the caller's default is used for ROI).
 */
public record ChangeEvent(String id, Instant at, String agentId, String fromVersion, String toVersion,
        BigDecimal workCostUsd) {

    public ChangeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
        if (workCostUsd != null && workCostUsd.signum() < 0) {
            throw new IllegalArgumentException("work cost of change " + id + " must not be negative, was " + workCostUsd);
        }
    }
}
