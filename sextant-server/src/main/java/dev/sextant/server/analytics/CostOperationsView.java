package dev.sextant.server.analytics;

import dev.sextant.store.CostOperations;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The most expensive operations as the API answers them; shares are of the matching total. */
record CostOperationsView(Instant dataAsOf, BigDecimal tracesTotalCostUsd, BigDecimal spansTotalCostUsd,
        List<OperationView> byTraceName, List<OperationView> bySpan, List<OperationView> byAgent) {

    record OperationView(String name, String model, long count, BigDecimal totalCostUsd, BigDecimal costPerCallUsd,
            Double shareOfTotal, Double p95CostUsd) {
    }

    static CostOperationsView of(CostOperations o, Instant queriedAt) {
        return new CostOperationsView(o.dataAsOf() == null ? queriedAt : o.dataAsOf(), o.tracesTotalUsd(),
                o.spansTotalUsd(), views(o.byTraceName(), o.tracesTotalUsd()), views(o.bySpan(), o.spansTotalUsd()),
                views(o.byAgent(), o.tracesTotalUsd()));
    }

    private static List<OperationView> views(List<CostOperations.Operation> ops, BigDecimal total) {
        return ops.stream().map(op -> new OperationView(op.name(), op.model(), op.count(), op.totalCostUsd(),
                op.costPerCallUsd(), op.shareOf(total), op.p95CostUsd())).toList();
    }
}
