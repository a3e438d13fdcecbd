package dev.sextant.server.experiments;

import dev.sextant.analytics.experiments.VariantSummary;

/** One variant's figures in the results. */
record VariantView(String variantId, int allocationPercent, long units, long traces, Double successRate,
        Double satisfaction, Double responseTimeMs, Double errorRate, Double handoffRate, Double costPerUnit) {

    static VariantView of(VariantSummary v) {
        return new VariantView(v.variantId(), v.allocationPercent(), v.units(), v.traces(), v.successRate(),
                v.satisfaction(), v.responseTimeMs(), v.errorRate(), v.handoffRate(), v.costPerUnit());
    }
}
