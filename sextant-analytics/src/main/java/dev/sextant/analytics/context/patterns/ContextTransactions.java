package dev.sextant.analytics.context.patterns;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Context turned into items. A categorical value is the item {@code type=value}. A number falls in
 * one of its type's quartile bins computed from the records themselves: the cut points are the
 * values at ranks n/4, n/2 and 3n/4 of the type's sorted values (duplicates merged), the bins are
 * half-open, {@code history_length∈[3,7)}, and the last one is closed at the maximum,
 * {@code history_length∈[12,40]}. A type with one distinct value has the single bin {@code [v,v]}.
 */
public final class ContextTransactions {
    private static final MathContext LABEL = new MathContext(4);

    private ContextTransactions() {}

    public static List<Transaction> of(List<ContextRecord> records) {
        Map<String, double[]> cuts = new HashMap<>();
        Map<String, List<Double>> byType = new HashMap<>();
        for (ContextRecord r : records) {
            r.numbers().forEach((type, v) -> {
                if (v != null && Double.isFinite(v)) {
                    byType.computeIfAbsent(type, k -> new ArrayList<>()).add(v);
                }
            });
        }
        byType.forEach((type, values) -> cuts.put(type, cuts(values)));
        List<Transaction> out = new ArrayList<>(records.size());
        for (ContextRecord r : records) {
            Set<String> items = new HashSet<>();
            r.values().forEach((type, values) -> values.forEach(v -> items.add(type + "=" + v)));
            r.numbers().forEach((type, v) -> {
                if (v != null && Double.isFinite(v)) {
                    items.add(bin(type, v, cuts.get(type)));
                }
            });
            out.add(new Transaction(items, r.success()));
        }
        return out;
    }

    /** {min, the distinct quartile cut points above min, max}. */
    static double[] cuts(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        TreeSet<Double> points = new TreeSet<>();
        for (int k = 1; k <= 3; k++) {
            double c = sorted[k * n / 4];
            if (c > sorted[0]) {
                points.add(c);
            }
        }
        double[] out = new double[points.size() + 2];
        out[0] = sorted[0];
        int i = 1;
        for (double c : points) {
            out[i++] = c;
        }
        out[i] = sorted[n - 1];
        return out;
    }

    static String bin(String type, double v, double[] cuts) {
        int last = cuts.length - 1;
        if (cuts[0] == cuts[last]) {
            return type + "∈[" + label(cuts[0]) + "," + label(cuts[0]) + "]";
        }
        int at = Arrays.binarySearch(cuts, 0, last, v);
        int lower = at >= 0 ? at : -at - 2;
        if (lower >= last - 1) {
            return type + "∈[" + label(cuts[last - 1]) + "," + label(cuts[last]) + "]";
        }
        return type + "∈[" + label(cuts[lower]) + "," + label(cuts[lower + 1]) + ")";
    }

    private static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(LABEL).stripTrailingZeros().toPlainString();
    }
}
