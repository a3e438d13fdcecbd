package dev.sextant.analytics.context.patterns;

import java.util.List;

/**
 * The result of {@link FpGrowth#mine}: the frequent itemsets, and whether mining stopped at the
 * itemset cap before it had found them all.
 */
public record FrequentItemsets(List<Itemset> itemsets, boolean truncated) {
    public FrequentItemsets {
        itemsets = List.copyOf(itemsets);
    }
}
