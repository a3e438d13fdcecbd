package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoMethod;
import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoStudy;
import dev.sextant.store.hpo.HpoStudySpec;
import dev.sextant.store.hpo.HpoTrial;
import dev.sextant.store.hpo.HpoTrialSpec;
import dev.sextant.store.hpo.HpoTrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Studies and trials round-trip with every field and value type; trials are numbered; workspaces are apart. */
public abstract class HpoStudyContract extends StoreContract {

    static HpoStudySpec spec(String name) {
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("learning_rate", 1e-3);
        baseline.put("batch_size", 32L);
        baseline.put("optimizer", "adam");
        baseline.put("warmup", true);
        return new HpoStudySpec(name, "support-bot", HpoMethod.BAYESIAN, "validation_loss", HpoDirection.MINIMIZE,
                List.of(HpoParameter.floating("learning_rate", 1e-5, 1e-1, true), HpoParameter.integer("epochs", 1, 20, false),
                        HpoParameter.categorical("batch_size", List.of(16L, 32L, 64L)),
                        HpoParameter.categorical("optimizer", List.of("adam", "sgd ü 🚀", true, 0.5))),
                baseline, 0.42, -7_123_456_789L);
    }

    static HpoTrialSpec trial(double lr, Double score, HpoTrialStatus status) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("learning_rate", lr);
        h.put("epochs", 3L);
        h.put("batch_size", 64L);
        h.put("optimizer", "sgd ü 🚀");
        return new HpoTrialSpec(h, score, 12.5, 7, true, "run-1", status);
    }

    @Test
    public void aStudyRoundTripsWithEveryField() {
        WorkspaceId ws = newWorkspace();
        HpoStudy added = store().hpoStudies().addStudy(ws, spec("tune lr"));
        HpoStudySpec sparse = new HpoStudySpec("sparse", null, HpoMethod.GRID, "accuracy", HpoDirection.MAXIMIZE,
                List.of(HpoParameter.integer("layers", 1, 8, true)), null, null, 0);
        HpoStudy second = store().hpoStudies().addStudy(ws, sparse);

        assertThat(added.id()).startsWith("hpo_");
        assertThat(added.trialCount()).isZero();
        assertThat(store().hpoStudies().findStudy(ws, added.id())).contains(added);
        assertThat(store().hpoStudies().findStudy(ws, second.id())).contains(second);
        HpoStudySpec read = store().hpoStudies().findStudy(ws, added.id()).orElseThrow().spec();
        assertThat(read.baselineHyperparameters().keySet()).containsExactly("learning_rate", "batch_size", "optimizer", "warmup");
        assertThat(read.baselineHyperparameters().get("batch_size")).isEqualTo(32L);
        assertThat(read.searchSpace().get(3).values()).containsExactly("adam", "sgd ü 🚀", true, 0.5);
        assertThat(store().hpoStudies().listStudies(ws)).containsExactly(added, second);
    }

    @Test
    public void trialsAreNumberedInArrivalOrderAndCounted() {
        WorkspaceId ws = newWorkspace();
        HpoStudy study = store().hpoStudies().addStudy(ws, spec("numbers"));
        HpoTrial first = store().hpoStudies().addTrial(ws, study.id(), trial(1e-3, 0.5, HpoTrialStatus.COMPLETED)).orElseThrow();
        HpoTrial failed = store().hpoStudies().addTrial(ws, study.id(),
                new HpoTrialSpec(Map.of("learning_rate", 0.1), null, null, null, null, null, HpoTrialStatus.FAILED)).orElseThrow();
        assertThat(first.number()).isEqualTo(1);
        assertThat(failed.number()).isEqualTo(2);
        assertThat(store().hpoStudies().listTrials(ws, study.id())).containsExactly(first, failed);
        assertThat(store().hpoStudies().findStudy(ws, study.id()).orElseThrow().trialCount()).isEqualTo(2);
        assertThat(store().hpoStudies().listTrials(ws, "hpo_missing")).isEmpty();
        assertThat(store().hpoStudies().addTrial(ws, "hpo_missing", trial(1e-3, 0.5, HpoTrialStatus.COMPLETED))).isEmpty();
    }

    @Test
    public void trialsPostedAtOnceGetDistinctNumbers() {
        WorkspaceId ws = newWorkspace();
        HpoStudy study = store().hpoStudies().addStudy(ws, spec("race"));
        List<CompletableFuture<HpoTrial>> adds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double lr = 1e-4 * (i + 1);
            adds.add(CompletableFuture.supplyAsync(() -> store().hpoStudies()
                    .addTrial(ws, study.id(), trial(lr, lr, HpoTrialStatus.COMPLETED)).orElseThrow()));
        }
        List<Long> numbers = adds.stream().map(CompletableFuture::join).map(HpoTrial::number).sorted().toList();
        assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, 8).mapToObj(Long::valueOf).toList());
    }

    @Test
    public void anotherWorkspaceNeitherReadsNorAddsToAStudy() {
        WorkspaceId mine = newWorkspace();
        WorkspaceId other = newWorkspace();
        HpoStudy study = store().hpoStudies().addStudy(mine, spec("mine"));
        store().hpoStudies().addTrial(mine, study.id(), trial(1e-3, 0.5, HpoTrialStatus.COMPLETED));
        HpoStudy theirs = store().hpoStudies().addStudy(other, spec("theirs"));

        assertThat(store().hpoStudies().findStudy(other, study.id())).isEmpty();
        assertThat(store().hpoStudies().listStudies(other)).containsExactly(theirs);
        assertThat(store().hpoStudies().listStudies(mine)).extracting(HpoStudy::id).containsExactly(study.id());
        assertThat(store().hpoStudies().listTrials(other, study.id())).isEmpty();
        assertThat(store().hpoStudies().addTrial(other, study.id(), trial(1e-2, 0.1, HpoTrialStatus.COMPLETED))).isEmpty();
        assertThat(store().hpoStudies().listTrials(mine, study.id())).hasSize(1);
        assertThat(store().hpoStudies().findStudy(mine, study.id()).orElseThrow().trialCount()).isEqualTo(1);
    }
}
