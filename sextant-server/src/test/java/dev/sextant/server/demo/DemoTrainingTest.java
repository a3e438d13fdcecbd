package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.hpo.HpoSuggester;
import dev.sextant.analytics.hpo.ParameterEffect;
import dev.sextant.analytics.hpo.ParameterEffects;
import dev.sextant.analytics.hpo.SearchSpace;
import dev.sextant.server.demo.DemoDefinitions.HpoStudyRun;
import dev.sextant.server.demo.DemoDefinitions.ModelVersionRecord;
import dev.sextant.store.hpo.HpoMethod;
import dev.sextant.store.hpo.HpoTrial;
import dev.sextant.store.hpo.HpoTrialStatus;
import dev.sextant.store.models.NewEvaluation;
import dev.sextant.store.models.NewModelVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo's HPO studies find what their simulated training put in (the learning rate matters
 * most, the evaluation batch size not at all), the same seed gives the same studies, and every
 * model version of the support bot is served by traces the demo's story actually has.
 */
class DemoTrainingTest {
    private final List<HpoStudyRun> studies = DemoDefinitions.hpoStudies(DemoItems.SEED);

    private static List<HpoTrial> stored(HpoStudyRun run) {
        List<HpoTrial> trials = new ArrayList<>();
        for (int i = 0; i < run.trials().size(); i++) {
            trials.add(new HpoTrial("t" + (i + 1), i + 1, run.trials().get(i), Instant.EPOCH));
        }
        return trials;
    }

    @Test
    void theSameSeedGivesTheSameStudiesAndAnotherSeedOthers() {
        assertThat(DemoDefinitions.hpoStudies(DemoItems.SEED)).isEqualTo(studies);
        assertThat(DemoDefinitions.hpoStudies(DemoItems.SEED + 1).getFirst().trials()).isNotEqualTo(studies.getFirst().trials());
    }

    @Test
    void theBayesianStudyFindsTheLearningRateMostImportantAndTheEvalBatchSizeIrrelevant() {
        HpoStudyRun bayesian = studies.stream().filter(s -> s.spec().method() == HpoMethod.BAYESIAN).findFirst().orElseThrow();
        assertThat(bayesian.trials()).hasSize(30);
        assertThat(bayesian.trials()).anyMatch(t -> t.status() != HpoTrialStatus.COMPLETED);
        Map<String, ParameterEffect> effects = ParameterEffects.of(SearchSpace.of(bayesian.spec().searchSpace()),
                bayesian.spec().direction(), stored(bayesian)).stream()
                .collect(Collectors.toMap(ParameterEffect::parameter, Function.identity()));
        assertThat(effects.get("learning_rate").rank()).isEqualTo(1);
        assertThat(effects.get("learning_rate").importance()).isGreaterThan(0.5);
        assertThat(effects.get("dropout").importance()).isGreaterThan(effects.get("eval_batch_size").importance());
        assertThat(effects.get("eval_batch_size").importance()).isLessThan(0.05);
        double best = bayesian.trials().stream().filter(t -> t.status() == HpoTrialStatus.COMPLETED)
                .mapToDouble(t -> t.score()).min().orElseThrow();
        assertThat(best).as("better than the baseline").isLessThan(bayesian.spec().baselineScore());
    }

    @Test
    void theGridStudyRunsDistinctPointsAndLeavesSomeToSuggest() {
        HpoStudyRun grid = studies.stream().filter(s -> s.spec().method() == HpoMethod.GRID).findFirst().orElseThrow();
        assertThat(grid.trials()).hasSize(20);
        Set<Map<String, Object>> points = new HashSet<>();
        grid.trials().forEach(t -> points.add(t.hyperparameters()));
        assertThat(points).hasSize(20);
        assertThat(HpoSuggester.next(grid.spec(), stored(grid)).hyperparameters()).isNotNull();
    }

    @Test
    void everyModelVersionIsServedByTheSupportBotsSpansAfterItsDeploymentAndEvaluatedBeforeIt() {
        List<ModelVersionRecord> versions = DemoDefinitions.modelVersions(DemoItems.NOW);
        assertThat(versions).extracting(v -> v.version().versionLabel()).containsExactly("1.0", "2.0", "2.1");
        DemoItems demo = DemoItems.standard();
        Set<String> supportTraces = demo.traces(SupportBotStory.AGENT).map(DemoItems.Item::id).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (ModelVersionRecord r : versions) {
            NewModelVersion v = r.version();
            assertThat(v.parentVersionId() == null || seen.contains(v.parentVersionId())).as("parent before child").isTrue();
            seen.add(v.id());
            long served = demo.ofType("span").filter(s -> v.modelId().equals(s.text("model"))
                    && supportTraces.contains(s.text("trace_id")) && !s.time("started_at").isBefore(v.deployedAt()))
                    .map(s -> s.text("trace_id")).distinct().count();
            assertThat(served).as("support-bot traces on %s after %s is deployed", v.modelId(), v.versionLabel()).isGreaterThan(100);
            for (NewEvaluation e : r.evaluations()) {
                assertThat(e.evaluatedAt()).isBefore(v.deployedAt());
            }
        }
    }
}
