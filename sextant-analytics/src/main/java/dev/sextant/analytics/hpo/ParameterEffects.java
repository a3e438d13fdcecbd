package dev.sextant.analytics.hpo;

import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoParameterType;
import dev.sextant.store.hpo.HpoTrial;
import dev.sextant.store.hpo.HpoTrialStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Parameter importance and sensitivity over a study's completed trials.
 *
 * <p>Importance is an fANOVA-style main-effect variance fraction (after Hutter et al. 2014, with
 * the main effects estimated from the trials instead of a fitted forest). Each parameter cuts the
 * trials into bins: a float or int into {@code clamp(round(sqrt(n)), 2, 10)} equal slices of its
 * (log) range, a categorical by value. The main effects are fitted together as an additive model
 * over the bins by backfitting (each parameter's bin means of what the others leave unexplained,
 * repeated until stable), so the variation one parameter causes is not credited to another that
 * happened to be sampled unevenly alongside it. A parameter's importance is the variance of its
 * main effect over the trials as a share of the score's total variance, less what noise alone
 * would give a parameter with that many bins (bins - 1 times the residual variance), clamped to
 * [0, 1]: a parameter the score does not depend on is near 0.
 *
 * <p>Sensitivity: the least-squares slope of the score on the parameter (on a log10 scale when
 * the parameter is log-scaled) with its 95% confidence interval, and the range of the plain
 * marginal means (the mean score per bin) with the best bin.
 */
public final class ParameterEffects {
    /** Fewer completed trials than this say nothing about importance. */
    public static final int MIN_TRIALS = 5;
    private static final int BACKFIT_ROUNDS = 50;

    private ParameterEffects() {}

    /** The effects, most important first; empty with fewer than {@link #MIN_TRIALS} completed trials. */
    public static List<ParameterEffect> of(SearchSpace space, HpoDirection direction, List<HpoTrial> trials) {
        List<HpoTrial> done = trials.stream().filter(t -> t.spec().status() == HpoTrialStatus.COMPLETED
                && t.spec().score() != null).toList();
        int n = done.size();
        if (n < MIN_TRIALS) {
            return List.of();
        }
        int d = space.size();
        double[] y = done.stream().mapToDouble(t -> t.spec().score()).toArray();
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        double total = 0;
        for (double v : y) {
            total += (v - mean) * (v - mean);
        }
        int bins = Math.max(2, Math.min(10, (int) Math.round(Math.sqrt(n))));
        List<List<String>> labels = new ArrayList<>();
        int[][] index = new int[d][n];
        for (int p = 0; p < d; p++) {
            HpoParameter parameter = space.parameters().get(p);
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String label = label(parameter, done.get(i).spec().hyperparameters().get(parameter.name()), bins);
                index[p][i] = seen.computeIfAbsent(label, k -> seen.size());
            }
            labels.add(new ArrayList<>(seen.keySet()));
        }
        double[][] effect = backfit(y, mean, index, labels);
        double residual = 0;
        int used = 1;
        for (int p = 0; p < d; p++) {
            used += labels.get(p).size() - 1;
        }
        for (int i = 0; i < n; i++) {
            double fitted = mean;
            for (int p = 0; p < d; p++) {
                fitted += effect[p][index[p][i]];
            }
            residual += (y[i] - fitted) * (y[i] - fitted);
        }
        double noise = residual / Math.max(1, n - used);

        List<ParameterEffect> effects = new ArrayList<>();
        for (int p = 0; p < d; p++) {
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += effect[p][index[p][i]] * effect[p][index[p][i]];
            }
            double importance = total > 0 ? Math.max(0, Math.min(1, (ss - (labels.get(p).size() - 1) * noise) / total)) : 0;
            effects.add(sensitivity(space.parameters().get(p), importance, done, y, index[p], labels.get(p), direction));
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

    /** Additive main effects per parameter and bin, each centred to mean 0 over the trials. */
    private static double[][] backfit(double[] y, double mean, int[][] index, List<List<String>> labels) {
        int d = index.length;
        int n = y.length;
        double[][] effect = new double[d][];
        for (int p = 0; p < d; p++) {
            effect[p] = new double[labels.get(p).size()];
        }
        double[] fitted = new double[n]; // sum of all effects per trial
        for (int round = 0; round < BACKFIT_ROUNDS; round++) {
            double change = 0;
            for (int p = 0; p < d; p++) {
                int g = effect[p].length;
                double[] sum = new double[g];
                int[] count = new int[g];
                for (int i = 0; i < n; i++) {
                    int b = index[p][i];
                    sum[b] += y[i] - mean - (fitted[i] - effect[p][b]);
                    count[b]++;
                }
                double centre = 0;
                for (int b = 0; b < g; b++) {
                    sum[b] /= count[b];
                    centre += sum[b] * count[b];
                }
                centre /= n;
                for (int i = 0; i < n; i++) {
                    int b = index[p][i];
                    double updated = sum[b] - centre;
                    fitted[i] += updated - effect[p][b];
                }
                for (int b = 0; b < g; b++) {
                    change = Math.max(change, Math.abs(sum[b] - centre - effect[p][b]));
                    effect[p][b] = sum[b] - centre;
                }
            }
            if (change < 1e-12) {
                break;
            }
        }
        return effect;
    }

    private static ParameterEffect sensitivity(HpoParameter p, double importance, List<HpoTrial> done, double[] y, int[] index,
            List<String> labels, HpoDirection direction) {
        int g = labels.size();
        double[] sum = new double[g];
        int[] count = new int[g];
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < y.length; i++) {
            sum[index[i]] += y[i];
            count[index[i]]++;
            if (p.type() != HpoParameterType.CATEGORICAL) {
                double x = ((Number) done.get(i).spec().hyperparameters().get(p.name())).doubleValue();
                regression.addData(p.log() ? Math.log10(x) : x, y[i]);
            }
        }
        int best = 0;
        int worst = 0;
        for (int b = 1; b < g; b++) {
            if (direction.better(sum[b] / count[b], sum[best] / count[best])) {
                best = b;
            }
            if (direction.better(sum[worst] / count[worst], sum[b] / count[b])) {
                worst = b;
            }
        }
        double range = Math.abs(sum[best] / count[best] - sum[worst] / count[worst]);
        Double slope = null;
        Double low = null;
        Double high = null;
        String scale = null;
        if (p.type() != HpoParameterType.CATEGORICAL) {
            scale = p.log() ? "log10" : "linear";
            if (y.length >= 3 && regression.getXSumSquares() > 0) {
                slope = regression.getSlope();
                double half = regression.getSlopeConfidenceInterval(0.05);
                if (Double.isFinite(half)) {
                    low = slope - half;
                    high = slope + half;
                }
            }
        }
        return new ParameterEffect(p.name(), importance, 0, scale, slope, low, high, range, labels.get(best));
    }

    private static String label(HpoParameter p, Object value, int bins) {
        if (p.type() == HpoParameterType.CATEGORICAL) {
            return String.valueOf(value);
        }
        int bin = Math.min(bins - 1, (int) Math.floor(SearchSpace.toUnit(p, value) * bins));
        HpoParameter asFloat = new HpoParameter(p.name(), HpoParameterType.FLOAT, p.low(), p.high(), p.log(), null);
        return "[" + round(SearchSpace.fromUnit(asFloat, bin / (double) bins)) + ", "
                + round(SearchSpace.fromUnit(asFloat, (bin + 1) / (double) bins)) + (bin == bins - 1 ? "]" : ")");
    }

    private static String round(Object x) {
        return new BigDecimal(((Number) x).doubleValue()).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
