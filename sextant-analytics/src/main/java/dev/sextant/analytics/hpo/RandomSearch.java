package dev.sextant.analytics.hpo;

import dev.sextant.store.hpo.HpoMethod;
import java.util.SplittableRandom;

/**
 * Random search: every parameter drawn uniformly on its own scale (a log-scale parameter
 * uniformly in its logarithm, a categorical uniformly among its values). Seeded: the same study
 * with the same number of trials draws the same point.
 */
public final class RandomSearch {
    private RandomSearch() {}

    public static Suggestion next(SearchSpace space, long seed, long trialCount) {
        return new Suggestion(draw(space, Seeds.of(seed, trialCount, 1)), HpoMethod.RANDOM, null,
                "drawn uniformly at random from the search space (seed " + seed + ", trial " + (trialCount + 1) + ")");
    }

    static java.util.Map<String, Object> draw(SearchSpace space, SplittableRandom random) {
        return space.fromUnit(Seeds.uniform(random, space.size()));
    }
}
