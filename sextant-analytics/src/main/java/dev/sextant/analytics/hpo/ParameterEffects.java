package dev.sextant.analytics.hpo;

import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoParameterType;
import dev.sextant.store.hpo.HpoTrial;
import dev.sextant.store.hpo.HpoTrialStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Parameter importance and sensitivity over a study's completed trials.
 *
 * <p>Importance is an fANOVA-style main effect (Hutter et al. 2014, estimated from the trials
 * themselves rather than from a fitted forest): the trials are grouped by the parameter's bin
 * (a float or int cut into equal slices of its (log) range, {@code clamp(round(sqrt(n)), 2, 10)}
 * of them; a categorical by value), and the variance of the bins' mean scores is taken as a
 * share of the total variance. The share is bias-corrected (epsilon squared: the between-bin sum
 * of squares less what the within-bin noise alone would give it), so a parameter the score does
 * not depend on is near 0 rather than at (bins - 1) / n. Shares are clamped to [0, 1].
 *
 * <p>Sensitivity is the least-squares slope of the score on the parameter (on a log10 scale when
 * the parameter is log-scaled) with its 95% confidence interval, and the range of the marginal
 * means over the bins.
 */
public final class ParameterEffects {
    /** Fewer completed trials than this say nothing about importance. */
    public static final int MIN_TRIALS = 5;

    private ParameterEffects() {}

    /** The effects, most important first; empty with fewer than {@link #MIN_TRIALS} completed trials. */
    public static List<ParameterEffect> of(SearchSpace space, HpoDirection direction, List<HpoTrial> trials) {
        List<HpoTrial> done = trials.stream().filter(t -> t.spec().status() == HpoTrialStatus.COMPLETED
                && t.spec().score() != null).toList();
        int n = done.size();
        if (n < MIN_TRIALS) {
            return List.of();
        }
        double[] y = done.stream().mapToDouble(t -> t.spec().score()).toArray();
        double mean = java.util.Arrays.stream(y).average().orElse(0);
        double total = 0;
        for (double v : y) {
            total += (v - mean) * (v - mean);
        }
        int bins = Math.max(2, Math.min(10, (int) Math.round(Math.sqrt(n))));
        List<ParameterEffect> effects = new ArrayList<>();
        for (HpoParameter p : space.parameters()) {
            effects.add(effect(p, done, y, mean, total, bins, direction));
        }
        effects.sort(Comparator.comparingDouble(ParameterEffect::importance).reversed());
        List<ParameterEffect> ranked = new ArrayList<>();
        for (int i = 0; i < effects.size(); i++) {
            ParameterEffect e = effects.get(i);
            ranked.add(new ParameterEffect(e.parameter(), e.importance(), i + 1, e.scale(), e.slope(), e.slopeLow(),
                    e.slopeHigh(), e.marginalRange(), e.bestBin()));
        }
        return ranked;
    }

    private static ParameterEffect effect(HpoParameter p, List<HpoTrial> done, double[] y, double mean, double total,
            int bins, HpoDirection direction) {
        int n = y.length;
        Map<String, double[]> groups = new TreeMap<>(); // label -> {count, sum}
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < n; i++) {
            Object v = done.get(i).spec().hyperparameters().get(p.name());
            String label;
            if (p.type() == HpoParameterType.CATEGORICAL) {
                label = String.valueOf(v);
            } else {
                double u = SearchSpace.toUnit(p, v);
                label = binLabel(p, Math.min(bins - 1, (int) Math.floor(u * bins)), bins);
                double x = ((Number) v).doubleValue();
                regression.addData(p.log() ? Math.log10(x) : x, y[i]);
            }
            double[] g = groups.computeIfAbsent(label, k -> new double[2]);
            g[0]++;
            g[1] += y[i];
        }
        double between = 0;
        double best = Double.NaN;
        double worst = Double.NaN;
        String bestLabel = null;
        for (Map.Entry<String, double[]> e : groups.entrySet()) {
            double m = e.getValue()[1] / e.getValue()[0];
            between += e.getValue()[0] * (m - mean) * (m - mean);
            if (bestLabel == null || direction.better(m, best)) {
                best = m;
                bestLabel = e.getKey();
            }
            if (Double.isNaN(worst) || direction.better(worst, m)) {
                worst = m;
            }
        }
        int g = groups.size();
        double importance = 0;
        if (total > 0 && n > g) {
            double within = (total - between) / (n - g);
            importance = Math.max(0, Math.min(1, (between - (g - 1) * within) / total));
        }
        Double slope = null;
        Double low = null;
        Double high = null;
        String scale = null;
        if (p.type() != HpoParameterType.CATEGORICAL) {
            scale = p.log() ? "log10" : "linear";
            if (n >= 3 && regression.getXSumSquares() > 0) {
                slope = regression.getSlope();
                double half = regression.getSlopeConfidenceInterval(0.05);
                if (Double.isFinite(half)) {
                    low = slope - half;
                    high = slope + half;
                }
            }
        }
        return new ParameterEffect(p.name(), importance, 0, scale, slope, low, high, Math.abs(best - worst), bestLabel);
    }

    private static String binLabel(HpoParameter p, int bin, int bins) {
        Object from = SearchSpace.fromUnit(asFloat(p), bin / (double) bins);
        Object to = SearchSpace.fromUnit(asFloat(p), (bin + 1) / (double) bins);
        return "[" + round(from) + ", " + round(to) + (bin == bins - 1 ? "]" : ")");
    }

    private static String round(Object x) {
        return new java.math.BigDecimal(((Number) x).doubleValue()).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }

    /** The same parameter read as float, so bin edges are not rounded to whole numbers. */
    private static HpoParameter asFloat(HpoParameter p) {
        return new HpoParameter(p.name(), HpoParameterType.FLOAT, p.low(), p.high(), p.log(), null);
    }
}
