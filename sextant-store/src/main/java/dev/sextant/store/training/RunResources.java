package dev.sextant.store.training;

import java.math.BigDecimal;

/** What a run has used so far (totals, replaced as a whole on each report); null: not reported. */
public record RunResources(Double gpuHours, Double peakMemoryGb, BigDecimal costUsd, Long tokensProcessed) {
    public static final RunResources NONE = new RunResources(null, null, null, null);
}
