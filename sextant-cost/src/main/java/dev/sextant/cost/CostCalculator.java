package dev.sextant.cost;

import dev.sextant.model.ModelPrice;
import dev.sextant.model.Usage;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Prices a call's usage in disjoint buckets, each at its own price per 1M tokens, with exact
 * decimal arithmetic (no rounding):
 * plain input (input − cache read − cache write) × input, cache read × cache read price,
 * cache write × cache write price, plain output (output − reasoning) × output, reasoning ×
 * reasoning price. Every token is counted exactly once; the tier is chosen by
 * {@link #promptTokens(Usage)}.
 */
public final class CostCalculator {

    private CostCalculator() {}

    /** The prompt size that selects a context-length tier: input tokens, cached ones included. */
    public static long promptTokens(Usage usage) {
        return usage.inputTokens();
    }

    /** USD for this usage at this price. */
    public static BigDecimal cost(Usage usage, ModelPrice price) {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(price, "price");
        BigDecimal perMillion = bucket(usage.plainInput(), price.input())
                .add(bucket(usage.cacheReadTokens(), price.cacheReadOrInput()))
                .add(bucket(usage.cacheWriteTokens(), price.cacheWriteOrInput()))
                .add(bucket(usage.plainOutput(), price.output()))
                .add(bucket(usage.reasoningTokens(), price.reasoningOrOutput()));
        return perMillion.movePointLeft(6);
    }

    private static BigDecimal bucket(long tokens, BigDecimal pricePerMillion) {
        return tokens == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(tokens).multiply(pricePerMillion);
    }
}
