package dev.sextant.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The most expensive operations. Trace names and agents are costed by the traces' rolled-up cost
 * ({@code tracesTotalUsd} is the sum over every selected trace); span names with their model by
 * the spans' own cost, over spans that have one ({@code spansTotalUsd}). {@code p95CostUsd} is
 * {@code percentile_cont(0.95)} of the single costs.
 */
public record CostOperations(List<Operation> byTraceName, List<Operation> bySpan, List<Operation> byAgent,
        BigDecimal tracesTotalUsd, BigDecimal spansTotalUsd, Instant dataAsOf) {

    public CostOperations {
        byTraceName = List.copyOf(byTraceName);
        bySpan = List.copyOf(bySpan);
        byAgent = List.copyOf(byAgent);
        Objects.requireNonNull(tracesTotalUsd, "tracesTotalUsd");
        Objects.requireNonNull(spansTotalUsd, "spansTotalUsd");
    }

    /** One operation; {@code name} is null for traces without a name or agent, {@code model} only for spans. */
    public record Operation(String name, String model, long count, BigDecimal totalCostUsd, Double p95CostUsd) {
        public Operation {
            Objects.requireNonNull(totalCostUsd, "totalCostUsd");
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1, was " + count);
            }
        }

        public BigDecimal costPerCallUsd() {
            return totalCostUsd.divide(BigDecimal.valueOf(count), 9, RoundingMode.HALF_EVEN);
        }

        /** This operation's part of {@code total}; null when the total is zero. */
        public Double shareOf(BigDecimal total) {
            return total.signum() == 0 ? null : totalCostUsd.doubleValue() / total.doubleValue();
        }
    }
}
