package dev.sextant.analytics.hpo;

import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoMethod;
import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoParameterType;
import dev.sextant.store.hpo.HpoTrial;
import dev.sextant.store.hpo.HpoTrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Bayesian optimization: a Gaussian process (Matérn 5/2, {@link MaternProcess}) over the
 * completed trials' scores, and the candidate with the highest expected improvement (Jones et al.
 * 1998) over the best score so far. Categorical parameters enter the model one-hot. Candidates:
 * {@value #RANDOM_CANDIDATES} uniform points plus {@value #LOCAL_CANDIDATES} perturbations of each
 * of the {@value #TOP} best trials, all seeded. Until {@link #startupTrials} trials have
 * completed, the suggestion is random (the model needs data to say anything). At most the
 * {@value #MAX_MODELLED} most recent completed trials are modelled, to bound the cubic cost.
 */
public final class BayesianSearch {
    static final int RANDOM_CANDIDATES = 2000;
    static final int LOCAL_CANDIDATES = 200;
    static final int TOP = 5;
    static final int MAX_MODELLED = 200;
    /** The exploration margin of expected improvement, in standardized units. */
    static final double XI = 0.01;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private BayesianSearch() {}

    /** Random trials before the model: one more than the model's dimensions, and at least 5. */
    public static int startupTrials(SearchSpace space) {
        return Math.max(5, features(space) + 1);
    }

    public static Suggestion next(SearchSpace space, HpoDirection direction, List<HpoTrial> trials, long seed) {
        List<HpoTrial> done = trials.stream().filter(t -> t.spec().status() == HpoTrialStatus.COMPLETED
                && t.spec().score() != null).toList();
        int startup = startupTrials(space);
        if (done.size() < startup) {
            Map<String, Object> drawn = RandomSearch.draw(space, Seeds.of(seed, trials.size(), 2));
            return new Suggestion(drawn, HpoMethod.BAYESIAN, null, "random start: " + done.size() + " of the first "
                    + startup + " completed trials are drawn at random before the Gaussian process models the scores");
        }
        if (done.size() > MAX_MODELLED) {
            done = done.subList(done.size() - MAX_MODELLED, done.size());
        }
        int n = done.size();
        double[][] x = new double[n][];
        double[] y = new double[n];
        double sign = direction == HpoDirection.MAXIMIZE ? 1 : -1;
        for (int i = 0; i < n; i++) {
            x[i] = features(space, space.toUnit(done.get(i).spec().hyperparameters()));
            y[i] = sign * done.get(i).spec().score();
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / n);
        if (!(sd > 0)) {
            sd = 1;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            y[i] = (y[i] - mean) / sd;
            best = Math.max(best, y[i]);
        }
        SplittableRandom random = Seeds.of(seed, trials.size(), 3);
        MaternProcess gp = MaternProcess.fit(x, y, random);

        double bestEi = -1;
        Map<String, Object> chosen = null;
        for (double[] u : candidates(space, done, sign, random)) {
            Map<String, Object> values = space.fromUnit(u);
            double[] p = gp.predict(features(space, space.toUnit(values)));
            double ei = expectedImprovement(p[0], p[1], best + XI);
            if (ei > bestEi && trials.stream().noneMatch(t -> space.same(t.spec().hyperparameters(), values))) {
                bestEi = ei;
                chosen = values;
            }
        }
        if (chosen == null) {
            Map<String, Object> drawn = RandomSearch.draw(space, random);
            return new Suggestion(drawn, HpoMethod.BAYESIAN, null, "every candidate has been tried already; drawn at random");
        }
        return new Suggestion(chosen, HpoMethod.BAYESIAN, ei(bestEi * sd), "Gaussian process (Matérn 5/2) over " + n
                + " completed trials: the candidate with the highest expected improvement over the best score so far");
    }

    private static Double ei(double value) {
        return Math.max(0, value);
    }

    /** Expected improvement over {@code target} of a normal with this mean and standard deviation (maximizing). */
    static double expectedImprovement(double mean, double sd, double target) {
        double z = (mean - target) / sd;
        return (mean - target) * NORMAL.cumulativeProbability(z) + sd * NORMAL.density(z);
    }

    private static List<double[]> candidates(SearchSpace space, List<HpoTrial> done, double sign, SplittableRandom random) {
        int d = space.size();
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < RANDOM_CANDIDATES; i++) {
            out.add(Seeds.uniform(random, d));
        }
        List<HpoTrial> top = done.stream().sorted((a, b) -> Double.compare(sign * b.spec().score(), sign * a.spec().score()))
                .limit(TOP).toList();
        for (HpoTrial t : top) {
            double[] centre = space.toUnit(t.spec().hyperparameters());
            for (int i = 0; i < LOCAL_CANDIDATES; i++) {
                double scale = i % 2 == 0 ? 0.02 : 0.1;
                double[] u = centre.clone();
                for (int j = 0; j < d; j++) {
                    if (space.parameters().get(j).type() == HpoParameterType.CATEGORICAL) {
                        if (random.nextDouble() < 0.2) {
                            u[j] = random.nextDouble();
                        }
                    } else {
                        u[j] = Math.min(1, Math.max(0, u[j] + scale * random.nextGaussian()));
                    }
                }
                out.add(u);
            }
        }
        return out;
    }

    private static int features(SearchSpace space) {
        int f = 0;
        for (HpoParameter p : space.parameters()) {
            f += p.type() == HpoParameterType.CATEGORICAL ? p.values().size() : 1;
        }
        return f;
    }

    /** The model's inputs: floats and ints as their unit coordinate, categoricals one-hot. */
    static double[] features(SearchSpace space, double[] unit) {
        double[] f = new double[features(space)];
        int k = 0;
        for (int i = 0; i < unit.length; i++) {
            HpoParameter p = space.parameters().get(i);
            if (p.type() == HpoParameterType.CATEGORICAL) {
                int m = p.values().size();
                f[k + Math.min(m - 1, (int) Math.floor(unit[i] * m))] = 1;
                k += m;
            } else {
                f[k++] = unit[i];
            }
        }
        return f;
    }
}
