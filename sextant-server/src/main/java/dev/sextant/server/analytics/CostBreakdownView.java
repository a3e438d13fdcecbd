package dev.sextant.server.analytics;

import dev.sextant.store.CostBreakdown;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Cost per group as the API answers it. */
record CostBreakdownView(Instant dataAsOf, String by, long groupCount, BigDecimal totalCostUsd,
        long ungroupedTraces, BigDecimal ungroupedCostUsd, List<CostBreakdown.Group> groups) {

    static CostBreakdownView of(CostBreakdown b, String by, Instant queriedAt) {
        return new CostBreakdownView(b.dataAsOf() == null ? queriedAt : b.dataAsOf(), by, b.groupCount(),
                b.totalCostUsd(), b.ungroupedTraces(), b.ungroupedCostUsd(), b.groups());
    }
}
