package dev.sextant.analytics.context.patterns;

import java.util.List;

/**
 * The rules found (best first: smallest q, then highest lift), with what the mining saw:
 * the transactions, their successes, the support count the fraction came to, the frequent
 * itemsets tested (one Fisher test each) and whether the itemset cap stopped the mining.
 */
public record PatternReport(List<PatternRule> rules, long transactions, long successes, long minSupportCount,
        int itemsetsTested, boolean itemsetsTruncated, PatternSettings settings) {
    public PatternReport {
        rules = List.copyOf(rules);
    }

    /** Share of the transactions that succeeded, NaN without transactions. */
    public double successRate() {
        return transactions == 0 ? Double.NaN : successes / (double) transactions;
    }
}
