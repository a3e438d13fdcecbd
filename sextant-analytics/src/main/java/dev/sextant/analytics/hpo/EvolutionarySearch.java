package dev.sextant.analytics.hpo;

import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoMethod;
import dev.sextant.store.hpo.HpoParameterType;
import dev.sextant.store.hpo.HpoTrial;
import dev.sextant.store.hpo.HpoTrialStatus;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A steady-state genetic algorithm in the unit cube. The parents are picked by binary tournament
 * among the elite (the best quarter of the completed trials, 2 to {@value #MAX_ELITE}); the child
 * takes each parameter from either parent (uniform crossover), then each parameter mutates with
 * probability max(1/d, {@value #MUTATION_RATE}): a float or int by a Gaussian step of
 * {@value #MUTATION_SD} of its (log) range, a categorical by a new uniform draw. Random until
 * {@value #STARTUP} trials have completed. Seeded by the study's seed and trial count.
 */
public final class EvolutionarySearch {
    static final int STARTUP = 4;
    static final int MAX_ELITE = 10;
    static final double MUTATION_RATE = 0.2;
    static final double MUTATION_SD = 0.1;
    private static final int ATTEMPTS = 20;

    private EvolutionarySearch() {}

    public static Suggestion next(SearchSpace space, HpoDirection direction, List<HpoTrial> trials, long seed) {
        SplittableRandom random = Seeds.of(seed, trials.size(), 4);
        List<HpoTrial> done = trials.stream().filter(t -> t.spec().status() == HpoTrialStatus.COMPLETED
                && t.spec().score() != null).toList();
        if (done.size() < STARTUP) {
            return new Suggestion(RandomSearch.draw(space, random), HpoMethod.EVOLUTIONARY, null, "random start: "
                    + done.size() + " of the first " + STARTUP + " completed trials are drawn at random to seed the population");
        }
        double sign = direction == HpoDirection.MAXIMIZE ? 1 : -1;
        List<HpoTrial> elite = done.stream()
                .sorted((a, b) -> Double.compare(sign * b.spec().score(), sign * a.spec().score()))
                .limit(Math.max(2, Math.min(MAX_ELITE, done.size() / 4))).toList();
        Map<String, Object> child = null;
        HpoTrial a = null;
        HpoTrial b = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            a = tournament(elite, random, sign);
            b = tournament(elite, random, sign);
            Map<String, Object> candidate = space.fromUnit(breed(space, a, b, random));
            if (trials.stream().noneMatch(t -> space.same(t.spec().hyperparameters(), candidate))) {
                child = candidate;
                break;
            }
        }
        if (child == null) {
            return new Suggestion(RandomSearch.draw(space, random), HpoMethod.EVOLUTIONARY, null,
                    "every child of the elite had been tried already; drawn at random");
        }
        return new Suggestion(child, HpoMethod.EVOLUTIONARY, null, "crossover of trials " + a.number() + " and " + b.number()
                + " (from the best " + elite.size() + " of " + done.size() + " completed), then mutation");
    }

    private static HpoTrial tournament(List<HpoTrial> elite, SplittableRandom random, double sign) {
        HpoTrial x = elite.get(random.nextInt(elite.size()));
        HpoTrial y = elite.get(random.nextInt(elite.size()));
        return sign * x.spec().score() >= sign * y.spec().score() ? x : y;
    }

    private static double[] breed(SearchSpace space, HpoTrial a, HpoTrial b, SplittableRandom random) {
        double[] ua = space.toUnit(a.spec().hyperparameters());
        double[] ub = space.toUnit(b.spec().hyperparameters());
        int d = ua.length;
        double rate = Math.max(1.0 / d, MUTATION_RATE);
        double[] child = new double[d];
        for (int i = 0; i < d; i++) {
            child[i] = random.nextBoolean() ? ua[i] : ub[i];
            if (random.nextDouble() < rate) {
                child[i] = space.parameters().get(i).type() == HpoParameterType.CATEGORICAL ? random.nextDouble()
                        : reflect(child[i] + MUTATION_SD * random.nextGaussian());
            }
        }
        return child;
    }

    private static double reflect(double u) {
        double r = Math.abs(u) % 2;
        return r > 1 ? 2 - r : r;
    }
}
