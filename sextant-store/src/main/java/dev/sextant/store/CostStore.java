package dev.sextant.store;

import dev.sextant.model.CostSource;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Recalculating stored costs after a price change, in bounded batches. */
public interface CostStore {

    /**
     * Spans with a model and usage whose cost we computed (calculated or estimated, never
     * reported), started in [from, to), ordered by id, after {@code afterId} (null: from the
     * start), at most {@code limit}.
     */
    List<PricedSpan> pricedSpans(WorkspaceId workspace, Instant from, Instant to, String afterId, int limit);

    /** Sets the spans' costs and refreshes the roll-ups of their traces, in one transaction. */
    void updateCosts(WorkspaceId workspace, List<CostUpdate> updates);

    /** A span as it is priced now; {@code costUsd} is its stored cost (null when it has none). */
    record PricedSpan(String id, String traceId, String model, Usage usage, Instant startedAt, CostSource costSource,
            BigDecimal costUsd) {

        /** Without the stored cost: a recalculation then cannot tell what changed. */
        public PricedSpan(String id, String traceId, String model, Usage usage, Instant startedAt, CostSource costSource) {
            this(id, traceId, model, usage, startedAt, costSource, null);
        }
    }

    record CostUpdate(String spanId, String traceId, BigDecimal costUsd, CostSource costSource) {}
}
