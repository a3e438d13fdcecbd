package dev.sextant.analytics.context.patterns;

import dev.sextant.analytics.FalseDiscoveryRate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Frequent context patterns that predict success or failure.
 *
 * <ol>
 *   <li>Frequent itemsets by {@link FpGrowth}: at least {@link PatternSettings#minCount} transactions,
 *       at most {@code maxLength} items, at most {@code maxItemsets} of them.
 *   <li>One test per itemset X: Fisher's exact test, two-sided ({@link FisherTails}), of the 2×2 table (with X / without
 *       X) × (success / failure); the same p serves X → success and X → failure. The p-values of
 *       all frequent itemsets are adjusted together by Benjamini–Hochberg (q).
 *   <li>For each outcome asked, the rule X → outcome is kept when its confidence (share of the
 *       transactions with X that had the outcome) is at least {@code minConfidence}, its lift
 *       (confidence over the outcome's overall rate) is above 1, and q ≤ {@link PatternSettings#MAX_Q}.
 *   <li>Redundant extensions are dropped: X → outcome is dropped when some proper sub-itemset Y of X
 *       has a confidence for the same outcome at least the lower end of X's Wilson 95% interval —
 *       adding the other items does not credibly raise the confidence, so Y already says it.
 * </ol>
 */
public final class PatternMiner {
    private static final double Z_95 = 1.959963984540054;

    private PatternMiner() {}

    public static PatternReport mine(List<Transaction> transactions, PatternSettings settings) {
        long n = transactions.size();
        long successes = transactions.stream().filter(Transaction::success).count();
        long minCount = settings.minCount(n);
        FrequentItemsets frequent = FpGrowth.mine(transactions, minCount, settings.maxLength(), settings.maxItemsets());
        List<Itemset> itemsets = frequent.itemsets();
        double[] p = new double[itemsets.size()];
        Map<List<String>, Itemset> byItems = new HashMap<>();
        for (int i = 0; i < itemsets.size(); i++) {
            Itemset x = itemsets.get(i);
            byItems.put(x.items(), x);
            p[i] = FisherTails.twoSided(x.successes(), x.failures(), successes - x.successes(),
                    (n - successes) - x.failures());
        }
        double[] q = FalseDiscoveryRate.benjaminiHochberg(p);
        List<PatternRule> rules = new ArrayList<>();
        for (int i = 0; i < itemsets.size(); i++) {
            Itemset x = itemsets.get(i);
            for (PatternOutcome outcome : PatternOutcome.values()) {
                if (!settings.outcomes().contains(outcome) || q[i] > PatternSettings.MAX_Q) {
                    continue;
                }
                long overall = outcome == PatternOutcome.SUCCESS ? successes : n - successes;
                long hits = hits(x, outcome);
                double confidence = hits / (double) x.count();
                double lift = confidence / (overall / (double) n);
                if (overall == 0 || confidence < settings.minConfidence() || !(lift > 1)) {
                    continue;
                }
                double[] interval = wilson(hits, x.count());
                if (redundant(x, outcome, interval[0], byItems)) {
                    continue;
                }
                rules.add(new PatternRule(x.items(), outcome, x.count(), x.count() / (double) n, hits, confidence,
                        interval[0], interval[1], lift, p[i], q[i]));
            }
        }
        rules.sort(Comparator.comparingDouble(PatternRule::q).thenComparing(Comparator.comparingDouble(PatternRule::lift)
                .reversed()).thenComparing(r -> String.join("\u0000", r.items())).thenComparing(PatternRule::outcome));
        return new PatternReport(rules, n, successes, minCount, itemsets.size(), frequent.truncated(), settings);
    }

    private static long hits(Itemset x, PatternOutcome outcome) {
        return outcome == PatternOutcome.SUCCESS ? x.successes() : x.failures();
    }

    /** Whether a proper, non-empty sub-itemset already reaches {@code low} for this outcome. */
    private static boolean redundant(Itemset x, PatternOutcome outcome, double low, Map<List<String>, Itemset> byItems) {
        List<String> items = x.items();
        int size = items.size();
        for (int mask = 1; mask < (1 << size) - 1; mask++) {
            List<String> sub = new ArrayList<>();
            for (int b = 0; b < size; b++) {
                if ((mask & (1 << b)) != 0) {
                    sub.add(items.get(b));
                }
            }
            Itemset y = byItems.get(sub);
            if (y != null && hits(y, outcome) / (double) y.count() >= low) {
                return true;
            }
        }
        return false;
    }

    /** Wilson's score interval (95%) for x of n: {low, high}. */
    static double[] wilson(long x, long n) {
        double p = x / (double) n;
        double z2 = Z_95 * Z_95;
        double centre = (2 * n * p + z2) / (2 * (n + z2));
        double half = Z_95 * Math.sqrt(z2 + 4 * n * p * (1 - p)) / (2 * (n + z2));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
