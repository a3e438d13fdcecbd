package dev.sextant.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Trace cost per group, costliest first. A trace without the grouping's value (no conversation,
 * no such tag or metadata key) is counted in {@code ungroupedTraces} and {@code ungroupedCostUsd};
 * by tag a trace counts once under each of its matching tags. {@code groupCount} is the number of
 * groups before {@code limit}; {@code totalCostUsd} the cost of every selected trace once.
 */
public record CostBreakdown(List<Group> groups, long groupCount, long ungroupedTraces, BigDecimal ungroupedCostUsd,
        BigDecimal totalCostUsd, Instant dataAsOf) {

    public CostBreakdown {
        groups = List.copyOf(groups);
        Objects.requireNonNull(ungroupedCostUsd, "ungroupedCostUsd");
        Objects.requireNonNull(totalCostUsd, "totalCostUsd");
    }

    /** What splits the traces; {@code key} is the tag prefix or metadata key (TAG: null means each whole tag). */
    public record Grouping(Kind kind, String key) {
        public Grouping {
            Objects.requireNonNull(kind, "kind");
            if (kind == Kind.METADATA && (key == null || key.isEmpty())) {
                throw new IllegalArgumentException("a metadata grouping needs a key");
            }
            if (kind != Kind.METADATA && kind != Kind.TAG && key != null) {
                throw new IllegalArgumentException("grouping " + kind + " takes no key");
            }
            if (key != null && key.isEmpty()) {
                throw new IllegalArgumentException("the grouping key must not be empty");
            }
        }
    }

    public enum Kind {
        CONVERSATION, SESSION, USER, TAG, METADATA
    }

    /** One group: traces, their total, mean, p50 and p95 cost per trace ({@code percentile_cont}). */
    public record Group(String key, long traces, BigDecimal totalCostUsd, double meanCostUsd, double p50CostUsd,
            double p95CostUsd) {
        public Group {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(totalCostUsd, "totalCostUsd");
        }
    }
}
