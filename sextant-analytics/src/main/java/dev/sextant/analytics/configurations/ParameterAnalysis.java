package dev.sextant.analytics.configurations;

import dev.sextant.analytics.configurations.ParameterImpact.Group;
import dev.sextant.analytics.configurations.ParameterImpact.Impact;
import dev.sextant.analytics.configurations.ParameterImpact.Kind;
import dev.sextant.analytics.configurations.ParameterImpact.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.inference.OneWayAnova;

/** The per-parameter statistics {@link ParameterImpact} documents. */
final class ParameterAnalysis {
    static final int MAX_BINS = 4;
    static final int PER_BIN = 5;
    static final int MIN_BEST_GROUP = 3;

    private ParameterAnalysis() {
    }

    static Parameter of(String name, List<Object> values, List<Double> ys, boolean higherIsBetter) {
        int n = values.size();
        boolean numeric = values.stream().allMatch(v -> v instanceof Number);
        boolean categorical = values.stream().allMatch(v -> v instanceof String || v instanceof Boolean);
        Kind kind = numeric ? Kind.NUMERIC : categorical ? Kind.CATEGORICAL : Kind.MIXED;
        if (kind == Kind.MIXED) {
            return Parameter.skipped(name, kind, n, "values mix numbers and text (or hold lists or objects); not analysed");
        }
        if (n <= ParameterImpact.MIN_OBSERVATIONS) {
            return Parameter.skipped(name, kind, n, "insufficient data: more than " + ParameterImpact.MIN_OBSERVATIONS
                    + " observations with this parameter and the outcome are needed, had " + n);
        }
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        if (StatUtils.variance(y) == 0) {
            return Parameter.skipped(name, kind, n, "insufficient data: the outcome does not vary");
        }
        return numeric ? numeric(name, values, y, higherIsBetter) : categorical(name, values, y, higherIsBetter);
    }

    private static Parameter numeric(String name, List<Object> values, double[] y, boolean higherIsBetter) {
        int n = y.length;
        double[] x = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        if (Arrays.stream(x).distinct().count() < 2) {
            return Parameter.skipped(name, Kind.NUMERIC, n, "insufficient data: the parameter has one value only");
        }
        double r = new PearsonsCorrelation().correlation(x, y);
        double rho = new SpearmansCorrelation().correlation(x, y);
        double rhoP = correlationPValue(rho, n);
        Impact impact = rhoP >= ParameterImpact.ALPHA ? Impact.NONE
                : Math.abs(rho) >= 0.5 ? Impact.HIGH : Math.abs(rho) >= 0.3 ? Impact.MEDIUM : Impact.LOW;
        List<Group> bins = bins(x, y);
        return new Parameter(name, Kind.NUMERIC, n, true, "analysed", r, correlationPValue(r, n), rho, rhoP, null, null,
                impact, best(bins, higherIsBetter), bins);
    }

    private static Parameter categorical(String name, List<Object> values, double[] y, boolean higherIsBetter) {
        int n = y.length;
        Map<String, List<Double>> byValue = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byValue.computeIfAbsent(String.valueOf(values.get(i)), k -> new ArrayList<>()).add(y[i]);
        }
        List<double[]> tested = byValue.values().stream().filter(g -> g.size() >= 2)
                .map(g -> g.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        List<Group> groups = byValue.entrySet().stream()
                .map(e -> group(null, null, e.getKey(), e.getValue().stream().mapToDouble(Double::doubleValue).toArray()))
                .toList();
        if (tested.size() < 2) {
            return Parameter.skipped(name, Kind.CATEGORICAL, n,
                    "insufficient data: needs two or more values seen at least twice each, had " + tested.size());
        }
        double[] all = tested.stream().flatMapToDouble(Arrays::stream).toArray();
        double grand = StatUtils.mean(all);
        double total = 0;
        for (double v : all) {
            total += (v - grand) * (v - grand);
        }
        double between = 0;
        for (double[] g : tested) {
            double m = StatUtils.mean(g);
            between += g.length * (m - grand) * (m - grand);
        }
        double eta = total == 0 ? 0 : between / total;
        double p = within(tested) == 0 ? (between > 0 ? 0.0 : 1.0) : new OneWayAnova().anovaPValue(tested);
        Impact impact = p >= ParameterImpact.ALPHA ? Impact.NONE
                : eta >= 0.14 ? Impact.HIGH : eta >= 0.06 ? Impact.MEDIUM : Impact.LOW;
        return new Parameter(name, Kind.CATEGORICAL, n, true, "analysed", null, null, null, null, eta, p, impact,
                best(groups, higherIsBetter), groups);
    }

    private static double within(List<double[]> groups) {
        double s = 0;
        for (double[] g : groups) {
            s += StatUtils.variance(g) * (g.length - 1);
        }
        return s;
    }

    /** Two-sided p-value of a correlation coefficient: t = r sqrt((n-2)/(1-r²)) on n-2 degrees of freedom. */
    static double correlationPValue(double r, int n) {
        if (Math.abs(r) >= 1) {
            return 0;
        }
        double t = Math.abs(r) * Math.sqrt((n - 2) / (1 - r * r));
        return 2 * new TDistribution(null, n - 2).cumulativeProbability(-t); // the lower tail keeps tiny p-values exact
    }

    /** Quantile bins: the values sorted, cut into min(4, n / 5) runs of about equal size, never between equal values. */
    static List<Group> bins(double[] x, double[] y) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> x[i]).thenComparingDouble(i -> y[i]));
        int k = Math.max(1, Math.min(MAX_BINS, n / PER_BIN));
        List<Group> bins = new ArrayList<>();
        int start = 0;
        for (int b = 1; b <= k && start < n; b++) {
            int end = b == k ? n : (int) Math.round(b * n / (double) k);
            while (end < n && end > 0 && x[order[end]] == x[order[end - 1]]) {
                end++;
            }
            if (end <= start) {
                continue;
            }
            double[] ys = new double[end - start];
            for (int i = start; i < end; i++) {
                ys[i - start] = y[order[i]];
            }
            bins.add(group(x[order[start]], x[order[end - 1]], null, ys, medianOf(x, order, start, end)));
            start = end;
        }
        return bins;
    }

    /**
     * The bin's lower median: always a value that was observed, so a recommendation never names a
     * setting nobody ran (the mean of the two middle values could fall between two versions' settings).
     */
    private static double medianOf(double[] x, Integer[] order, int start, int end) {
        return x[order[start + (end - start - 1) / 2]];
    }

    private static Group group(Double low, Double high, String value, double[] ys) {
        return group(low, high, value, ys, Double.NaN);
    }

    private static Group group(Double low, Double high, String value, double[] ys, double median) {
        double mean = StatUtils.mean(ys);
        Double ciLow = null;
        Double ciHigh = null;
        if (ys.length >= 2) {
            double half = new TDistribution(null, ys.length - 1).inverseCumulativeProbability(0.975)
                    * Math.sqrt(StatUtils.variance(ys) / ys.length);
            ciLow = mean - half;
            ciHigh = mean + half;
        }
        return new Group(low, high, value, ys.length, mean, ciLow, ciHigh, ys, median);
    }

    private static Group best(List<Group> groups, boolean higherIsBetter) {
        Comparator<Group> byMean = Comparator.comparingDouble(Group::mean);
        return groups.stream().filter(g -> g.observations() >= MIN_BEST_GROUP)
                .max(higherIsBetter ? byMean : byMean.reversed()).orElse(null);
    }
}
