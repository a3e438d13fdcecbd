package dev.sextant.analytics.datasets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.sextant.analytics.Association;
import dev.sextant.analytics.IndependenceTest;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Whether labels depend on how long the input is: a label that can be guessed from length alone
 * is a shortcut a model learns instead of the task (e.g. every long ticket labelled "urgent").
 * Buckets by token count: short (< 32), medium (32 to 255), long (>= 256). The test of
 * independence is {@link IndependenceTest} over the labels × buckets table without empty
 * buckets (chi-square when every expected count is at least 5, Fisher's exact test for a thin
 * 2 × 2, else not tested, with the reason); Cramér's V from the chi-square statistic is the effect
 * size. Flagged when p < 0.01 and V >= 0.1.
 */
final class LabelByLength {
    static final String[] BUCKETS = {"short", "medium", "long"};
    private final Map<String, long[]> table = new TreeMap<>();
    private final int maxLabels;

    LabelByLength(int maxLabels) {
        this.maxLabels = maxLabels;
    }

    static int bucket(int tokens) {
        return tokens < 32 ? 0 : tokens < 256 ? 1 : 2;
    }

    void accept(String label, int tokens) {
        String key = Labels.key(label);
        if (!table.containsKey(key) && table.size() >= maxLabels) {
            return;
        }
        table.computeIfAbsent(key, k -> new long[BUCKETS.length])[bucket(tokens)]++;
    }

    /** Null when there are no labels. */
    DatasetReport.LabelByLength report() {
        if (table.isEmpty()) {
            return null;
        }
        List<DatasetReport.LengthBucket> buckets = new ArrayList<>();
        for (int b = 0; b < BUCKETS.length; b++) {
            Map<String, Long> counts = new LinkedHashMap<>();
            long total = 0;
            for (var e : table.entrySet()) {
                if (e.getValue()[b] > 0) {
                    counts.put(e.getKey(), e.getValue()[b]);
                    total += e.getValue()[b];
                }
            }
            if (total > 0) {
                buckets.add(new DatasetReport.LengthBucket(BUCKETS[b], Labels.shares(counts, total)));
            }
        }
        List<Integer> columns = new ArrayList<>();
        for (int b = 0; b < BUCKETS.length; b++) {
            final int col = b;
            if (table.values().stream().anyMatch(row -> row[col] > 0)) {
                columns.add(b);
            }
        }
        if (table.size() < 2 || columns.size() < 2) {
            return new DatasetReport.LabelByLength(buckets, null, null, null, false,
                    "not tested: needs at least two labels and two length buckets (short < 32 tokens, medium < 256, long)");
        }
        long[][] counts = new long[table.size()][columns.size()];
        int i = 0;
        long n = 0;
        for (long[] row : table.values()) {
            for (int j = 0; j < columns.size(); j++) {
                counts[i][j] = row[columns.get(j)];
                n += counts[i][j];
            }
            i++;
        }
        Association association = IndependenceTest.test(counts);
        if (association.status() != Association.Status.TESTED) {
            return new DatasetReport.LabelByLength(buckets, null, null, null, false, "not tested: " + association.reason());
        }
        double chi = new ChiSquareTest().chiSquare(counts);
        double p = association.pValue();
        double v = Math.sqrt(chi / (n * (Math.min(counts.length, columns.size()) - 1)));
        boolean flagged = p < 0.01 && v >= 0.1;
        String note = flagged
                ? "the label depends on the input's length (Cramér's V " + Rounding.round4(v)
                        + "): a model can learn length as a shortcut; balance labels within each length bucket"
                : "no strong dependence of the label on the input's length";
        return new DatasetReport.LabelByLength(buckets, Rounding.round4(chi), significant(p), Rounding.round4(v), flagged,
                note);
    }

    /** A p-value to four significant digits (they are often tiny; four decimals would say 0). */
    private static double significant(double p) {
        return p < 1e-12 ? 0.0 : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", p));
    }
}
