package dev.sextant.analytics.hpo;

import dev.sextant.store.hpo.HpoStudySpec;
import dev.sextant.store.hpo.HpoTrial;
import java.util.List;

/** The next trial of a study by its own method. */
public final class HpoSuggester {
    private HpoSuggester() {}

    public static Suggestion next(HpoStudySpec study, List<HpoTrial> trials) {
        SearchSpace space = SearchSpace.of(study.searchSpace());
        return switch (study.method()) {
            case GRID -> GridSearch.next(space, trials);
            case RANDOM -> RandomSearch.next(space, study.seed(), trials.size());
            case BAYESIAN -> BayesianSearch.next(space, study.direction(), trials, study.seed());
            case EVOLUTIONARY -> EvolutionarySearch.next(space, study.direction(), trials, study.seed());
        };
    }
}
