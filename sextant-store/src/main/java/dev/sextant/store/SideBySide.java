package dev.sextant.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One key (an agent) seen on two sides: the current period or newer config version
 * ({@code current}) against the baseline ({@code baseline}), with the rank sums a Mann-Whitney
 * test of cost and latency needs. {@code currentLabel}/{@code baselineLabel} name the sides (the
 * config versions, or {@code current}/{@code previous}). {@code newest}: the latest trace start counted.
 */
public record SideBySide(String key, String currentLabel, String baselineLabel, Side current, Side baseline,
        RankSum cost, RankSum latency, Instant newest) {

    public SideBySide {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(latency, "latency");
    }

    /**
     * The traces of one side: how many, errors (status error), hand-offs (triggered), total cost,
     * and the latency figures over the traces with a duration ({@code latencySamples} of them).
     */
    public record Side(long traces, long errors, long handoffs, BigDecimal totalCostUsd, long latencySamples,
            Double avgLatencyMs, Double p95LatencyMs) {
        public static final Side EMPTY = new Side(0, 0, 0, BigDecimal.ZERO, 0, null, null);

        public Side {
            if (traces < 0 || errors < 0 || errors > traces || handoffs < 0 || handoffs > traces
                    || latencySamples < 0 || latencySamples > traces) {
                throw new IllegalArgumentException("inconsistent side: " + traces + " traces, " + errors + " errors, "
                        + handoffs + " hand-offs, " + latencySamples + " latency samples");
            }
            Objects.requireNonNull(totalCostUsd, "totalCostUsd");
        }

        /** Mean cost per trace; null without traces. */
        public Double avgCostUsd() {
            return traces == 0 ? null : totalCostUsd.doubleValue() / traces;
        }
    }

    /**
     * The values of both sides ranked together (ties get their average rank): the sum of the
     * current side's ranks, the sizes, and the tie term {@code sum(t^3 - t)} over groups of tied values.
     */
    public record RankSum(double currentRankSum, long currentN, long baselineN, double tieTerm) {
    }
}
