package dev.sextant.analytics.context;

import dev.sextant.store.context.ContextObservation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The context items of a set of interactions as indicator sets: every categorical type and value,
 * and every numeric type cut into quartile bins over the interactions that have it (bins with
 * equal edges merge; labels are ranges such as {@code [1, 3]} and {@code (3, 7]}).
 */
final class Observations {
    /** One item: the interactions (by index) that have it. */
    record Item(String type, String value, boolean numeric, BitSet present) {
        int count() {
            return present.cardinality();
        }
    }

    private Observations() {
    }

    static List<Item> items(List<ContextObservation> observations) {
        Map<String, Map<String, BitSet>> categorical = new TreeMap<>();
        Map<String, List<double[]>> numeric = new TreeMap<>(); // type -> (index, value)
        for (int i = 0; i < observations.size(); i++) {
            ContextObservation o = observations.get(i);
            for (Map.Entry<String, List<String>> e : o.values().entrySet()) {
                for (String value : e.getValue()) {
                    categorical.computeIfAbsent(e.getKey(), k -> new TreeMap<>())
                            .computeIfAbsent(value, k -> new BitSet()).set(i);
                }
            }
            for (Map.Entry<String, Double> e : o.numbers().entrySet()) {
                numeric.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {i, e.getValue()});
            }
        }
        List<Item> items = new ArrayList<>();
        categorical.forEach((type, values) -> values.forEach((value, present) -> items.add(new Item(type, value, false, present))));
        numeric.forEach((type, points) -> items.addAll(bins(type, points)));
        return items;
    }

    /** Quartile bins of one numeric type: [min, q1], (q1, q2], (q2, q3], (q3, max], empty and repeated edges dropped. */
    static List<Item> bins(String type, List<double[]> points) {
        double[] values = points.stream().mapToDouble(p -> p[1]).toArray();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(sorted);
        TreeSet<Double> edges = new TreeSet<>();
        edges.add(sorted[0]);
        for (double q : new double[] {25, 50, 75}) {
            edges.add(percentile.evaluate(q));
        }
        edges.add(sorted[sorted.length - 1]);
        List<Double> e = new ArrayList<>(edges);
        List<Item> bins = new ArrayList<>();
        if (e.size() == 1) {
            BitSet all = new BitSet();
            points.forEach(p -> all.set((int) p[0]));
            bins.add(new Item(type, "[" + number(e.getFirst()) + ", " + number(e.getFirst()) + "]", true, all));
            return bins;
        }
        for (int b = 0; b + 1 < e.size(); b++) {
            double low = e.get(b);
            double high = e.get(b + 1);
            boolean first = b == 0;
            BitSet present = new BitSet();
            for (double[] p : points) {
                if ((first ? p[1] >= low : p[1] > low) && p[1] <= high) {
                    present.set((int) p[0]);
                }
            }
            if (!present.isEmpty()) {
                bins.add(new Item(type, (first ? "[" : "(") + number(low) + ", " + number(high) + "]", true, present));
            }
        }
        return bins;
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+($|e)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }
}
