package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import dev.sextant.store.mlflow.LifecycleStage;
import dev.sextant.store.mlflow.MlflowExperiment;
import dev.sextant.store.mlflow.MlflowRunLink;
import dev.sextant.store.mlflow.MlflowStore;
import dev.sextant.store.training.NewTrainingRun;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MLflow layer: experiments number from 1 per workspace with unique names, experiment 0 is made
 * once on demand, runs link to experiments and list newest first; the training-run additions MLflow
 * needs (rename, remove a tag); and another workspace sees none of it.
 */
public abstract class MlflowContract extends StoreContract {

    private MlflowStore mlflow() {
        return store().mlflow();
    }

    @Test
    public void experimentsNumberPerWorkspaceWithUniqueNames() {
        WorkspaceId ws = newWorkspace();
        MlflowExperiment a = mlflow().createExperiment(ws, "sft ü 🚀", null, Map.of("team", "nlp", "k", "v"));
        MlflowExperiment b = mlflow().createExperiment(ws, "rl", "s3://bucket/rl", null);
        assertThat(a.id()).isEqualTo(1);
        assertThat(b.id()).isEqualTo(2);
        assertThat(a.name()).isEqualTo("sft ü 🚀");
        assertThat(a.artifactLocation()).isEqualTo("mlflow-artifacts:/1");
        assertThat(b.artifactLocation()).isEqualTo("s3://bucket/rl");
        assertThat(a.tags()).isEqualTo(Map.of("team", "nlp", "k", "v"));
        assertThat(b.tags()).isEmpty();
        assertThat(a.lifecycleStage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(a.createdAt()).isNotNull().isEqualTo(a.updatedAt());
        assertThat(mlflow().experiment(ws, 1)).contains(a);
        assertThat(mlflow().experimentNamed(ws, "rl")).contains(b);
        assertThat(mlflow().experimentNamed(ws, "RL")).isEmpty();
        assertThat(mlflow().experiment(ws, 3)).isEmpty();
        assertThatThrownBy(() -> mlflow().createExperiment(ws, "rl", null, Map.of()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'rl' already exists");
        assertThat(mlflow().experiments(ws, 10)).containsExactly(a, b);
        assertThat(mlflow().experiments(ws, 1)).containsExactly(a);

        WorkspaceId other = newWorkspace();
        MlflowExperiment same = mlflow().createExperiment(other, "rl", null, Map.of());
        assertThat(same.id()).isEqualTo(1);
        assertThat(mlflow().experiments(other, 10)).containsExactly(same);
    }

    @Test
    public void theDefaultExperimentIsMadeOnceOnDemand() {
        WorkspaceId ws = newWorkspace();
        assertThat(mlflow().experiment(ws, 0)).isEmpty();
        MlflowExperiment first = mlflow().defaultExperiment(ws);
        assertThat(first.id()).isZero();
        assertThat(first.name()).isEqualTo("Default");
        assertThat(mlflow().defaultExperiment(ws)).isEqualTo(first);
        assertThat(mlflow().experiment(ws, 0)).contains(first);
        assertThat(mlflow().createExperiment(ws, "next", null, Map.of()).id()).isEqualTo(1);
        assertThatThrownBy(() -> mlflow().createExperiment(ws, "Default", null, Map.of()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    public void runsLinkToExperimentsNewestFirst() {
        WorkspaceId ws = newWorkspace();
        long e1 = mlflow().createExperiment(ws, "one", null, Map.of()).id();
        long e2 = mlflow().createExperiment(ws, "two", null, Map.of()).id();
        String r1 = run(ws);
        String r2 = run(ws);
        String r3 = run(ws);
        MlflowRunLink l1 = mlflow().linkRun(ws, r1, e1, "ada");
        MlflowRunLink l2 = mlflow().linkRun(ws, r2, e2, null);
        MlflowRunLink l3 = mlflow().linkRun(ws, r3, e1, "ada");
        assertThat(l1).isEqualTo(new MlflowRunLink(r1, e1, "ada", LifecycleStage.ACTIVE, l1.createdAt()));
        assertThat(l2.userId()).isNull();
        assertThat(mlflow().run(ws, r2)).contains(l2);
        assertThat(mlflow().run(ws, "missing")).isEmpty();
        assertThatThrownBy(() -> mlflow().linkRun(ws, r1, e2, null)).isInstanceOf(ConflictException.class);

        List<MlflowRunLink> inOne = mlflow().runs(ws, List.of(e1), 100);
        assertThat(inOne).extracting(MlflowRunLink::runId).containsExactlyInAnyOrder(r1, r3);
        assertThat(inOne.get(0).createdAt()).isAfterOrEqualTo(inOne.get(1).createdAt());
        assertThat(mlflow().runs(ws, List.of(e1, e2), 100)).containsExactlyInAnyOrder(l1, l2, l3);
        assertThat(mlflow().runs(ws, List.of(e1, e2), 2)).hasSize(2);
        assertThat(mlflow().runs(ws, List.of(), 100)).isEmpty();
        assertThat(mlflow().runs(ws, List.of(99L), 100)).isEmpty();
        assertThatThrownBy(() -> mlflow().runs(ws, List.of(e1), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void runsRenameAndLoseTags() {
        WorkspaceId ws = newWorkspace();
        String id = run(ws);
        store().trainingRuns().setTags(ws, id, Map.of("a", "1", "b", "2"));
        TrainingRun renamed = store().trainingRuns().rename(ws, id, "bright-owl-7").orElseThrow();
        assertThat(renamed.spec().name()).isEqualTo("bright-owl-7");
        assertThat(renamed.spec().tags()).isEqualTo(Map.of("a", "1", "b", "2"));
        TrainingRun untagged = store().trainingRuns().removeTag(ws, id, "a").orElseThrow();
        assertThat(untagged.spec().tags()).isEqualTo(Map.of("b", "2"));
        assertThat(store().trainingRuns().removeTag(ws, id, "absent").orElseThrow().spec().tags())
                .isEqualTo(Map.of("b", "2"));
        assertThat(store().trainingRuns().rename(ws, "missing", "x")).isEmpty();
        assertThat(store().trainingRuns().removeTag(ws, "missing", "b")).isEmpty();
    }

    @Test
    public void anotherWorkspaceSeesNothing() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        MlflowExperiment e = mlflow().createExperiment(ws, "private", null, Map.of());
        mlflow().defaultExperiment(ws);
        String id = run(ws);
        mlflow().linkRun(ws, id, e.id(), "ada");
        assertThat(mlflow().experiment(other, e.id())).isEmpty();
        assertThat(mlflow().experiment(other, 0)).isEmpty();
        assertThat(mlflow().experimentNamed(other, "private")).isEmpty();
        assertThat(mlflow().experiments(other, 100)).isEmpty();
        assertThat(mlflow().run(other, id)).isEmpty();
        assertThat(mlflow().runs(other, List.of(e.id()), 100)).isEmpty();
        assertThat(store().trainingRuns().rename(other, id, "stolen")).isEmpty();
        assertThat(store().trainingRuns().removeTag(other, id, "k")).isEmpty();
        assertThat(store().trainingRuns().find(ws, id).orElseThrow().spec().name()).isNull();
        // the other workspace's own experiment numbers start again at 1, and link the same run id apart
        MlflowExperiment theirs = mlflow().createExperiment(other, "private", null, Map.of());
        assertThat(theirs.id()).isEqualTo(e.id());
        assertThat(mlflow().linkRun(other, id, theirs.id(), null).userId()).isNull();
        assertThat(mlflow().run(ws, id).orElseThrow().userId()).isEqualTo("ada");
    }

    private String run(WorkspaceId ws) {
        return store().trainingRuns().create(ws, null, new NewTrainingRun(null, null, null, TrainingType.FINE_TUNING,
                null, null, null, Map.of()), null).id();
    }
}
