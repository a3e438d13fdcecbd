package dev.sextant.analytics.hpo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoMethod;
import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoStudySpec;
import dev.sextant.store.hpo.HpoTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionTest {

    @Test
    void theGridEnumeratesEveryPointExactlyOnceThenSaysItIsExhausted() {
        HpoStudySpec study = new HpoStudySpec("grid", null, HpoMethod.GRID, "loss", HpoDirection.MINIMIZE,
                List.of(HpoParameter.floating("lr", 1e-4, 1, true), HpoParameter.integer("layers", 1, 3, false),
                        HpoParameter.categorical("opt", List.of("adam", "sgd"))), null, null, 1);
        List<HpoTrial> trials = new ArrayList<>();
        Set<Map<String, Object>> seen = new HashSet<>();
        for (int i = 0; i < 5 * 3 * 2; i++) {
            Suggestion s = HpoSuggester.next(study, trials);
            assertThat(s.hyperparameters()).as("point %d", i + 1).isNotNull();
            assertThat(seen.add(s.hyperparameters())).isTrue();
            trials.add(Studies.trial(i + 1, s.hyperparameters(), i));
        }
        assertThat(seen.stream().map(m -> m.get("lr")).distinct().sorted().toList())
                .containsExactly(1e-4, 1e-3, 1e-2, 1e-1, 1.0);
        assertThat(seen.stream().map(m -> m.get("layers")).distinct().sorted().toList()).containsExactly(1L, 2L, 3L);
        assertThat(HpoSuggester.next(study, List.of()).hyperparameters()).containsExactly(
                Map.entry("lr", 1e-4), Map.entry("layers", 1L), Map.entry("opt", "adam"));
        Suggestion done = HpoSuggester.next(study, trials);
        assertThat(done.hyperparameters()).isNull();
        assertThat(done.reason()).isEqualTo("the grid is exhausted: all 30 points have been tried");
    }

    @Test
    void theGridSkipsPointsRunOutOfOrder() {
        HpoStudySpec study = new HpoStudySpec("grid", null, HpoMethod.GRID, "loss", HpoDirection.MINIMIZE,
                List.of(HpoParameter.categorical("opt", List.of("adam", "sgd", "rmsprop"))), null, null, 1);
        List<HpoTrial> trials = List.of(Studies.trial(1, Map.of("opt", "adam"), 1), Studies.trial(2, Map.of("opt", "sgd"), 1));
        Suggestion s = HpoSuggester.next(study, trials);
        assertThat(s.hyperparameters()).containsExactly(Map.entry("opt", "rmsprop"));
        assertThat(s.reason()).isEqualTo("grid point 3 of 3, the first that no trial has run");
    }

    @Test
    void randomIsSeededByStudyAndTrialCount() {
        HpoStudySpec a = Studies.study(HpoMethod.RANDOM, 42);
        List<HpoTrial> one = List.of(Studies.trial(1, Map.of("learning_rate", 1e-3, "dropout", 0.1), 1));
        assertThat(HpoSuggester.next(a, one)).isEqualTo(HpoSuggester.next(a, one));
        assertThat(HpoSuggester.next(a, one)).isNotEqualTo(HpoSuggester.next(a, List.of()));
        assertThat(HpoSuggester.next(a, one)).isNotEqualTo(HpoSuggester.next(Studies.study(HpoMethod.RANDOM, 43), one));
        SearchSpace space = SearchSpace.of(Studies.SPACE);
        List<SpaceProblem> problems = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            space.check(RandomSearch.next(space, 7, i).hyperparameters(), problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void bayesianStartsRandomThenReportsExpectedImprovement() {
        HpoStudySpec study = Studies.study(HpoMethod.BAYESIAN, 5);
        List<HpoTrial> trials = Studies.run(study, 4, 0.02, 1, Studies::loss);
        Suggestion early = HpoSuggester.next(study, trials);
        assertThat(early.expectedImprovement()).isNull();
        assertThat(early.reason()).isEqualTo("random start: 4 of the first 5 completed trials are drawn at random before"
                + " the Gaussian process models the scores");
        trials = Studies.run(study, 5, 0.02, 1, Studies::loss);
        Suggestion modelled = HpoSuggester.next(study, trials);
        assertThat(modelled.expectedImprovement()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(modelled.reason()).startsWith("Gaussian process (Matérn 5/2) over 5 completed trials");
        assertThat(HpoSuggester.next(study, trials)).isEqualTo(modelled);
    }

    @Test
    void bayesianBeatsTheMedianOfRandomSearchOnANoisyQuadratic() {
        double[] random = new double[20];
        for (int seed = 0; seed < 20; seed++) {
            random[seed] = Studies.trueLossOfBest(Studies.run(Studies.study(HpoMethod.RANDOM, seed), 30, 0.02, 100 + seed,
                    Studies::loss));
        }
        Arrays.sort(random);
        double median = (random[9] + random[10]) / 2;
        for (int seed = 0; seed < 3; seed++) {
            double bayesian = Studies.trueLossOfBest(Studies.run(Studies.study(HpoMethod.BAYESIAN, seed), 30, 0.02, 100 + seed,
                    Studies::loss));
            assertThat(bayesian).as("seed %d against the random median %s", seed, median).isLessThan(median);
        }
    }

    @Test
    void evolutionaryIsSeededAndImprovesOnItsStart() {
        HpoStudySpec study = Studies.study(HpoMethod.EVOLUTIONARY, 9);
        List<HpoTrial> trials = Studies.run(study, 40, 0.02, 3, Studies::loss);
        assertThat(Studies.run(study, 40, 0.02, 3, Studies::loss)).isEqualTo(trials);
        double startBest = Studies.trueLossOfBest(trials.subList(0, 4));
        assertThat(Studies.trueLossOfBest(trials)).isLessThan(startBest);
        Suggestion s = HpoSuggester.next(study, trials);
        assertThat(s.reason()).startsWith("crossover of trials ");
    }
}
