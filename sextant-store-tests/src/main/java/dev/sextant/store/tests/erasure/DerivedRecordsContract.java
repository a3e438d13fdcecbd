package dev.sextant.store.tests.erasure;

import static dev.sextant.store.tests.Fixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.RetentionCutoffs;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.learnings.Learning;
import dev.sextant.store.learnings.LearningEvidence;
import dev.sextant.store.learnings.LearningStatus;
import dev.sextant.store.predictions.PredictionModel;
import dev.sextant.store.predictions.PredictionTarget;
import dev.sextant.store.tests.StoreContract;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What refers to erased or purged traces goes with them: the learning applications recorded for
 * a trace (its context items are covered by the context contract), and, after an erasure that
 * removed anything, the workspace's fitted prediction models are withdrawn. Another workspace's
 * rows are never touched.
 */
public abstract class DerivedRecordsContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    public void erasureTakesTheLearningApplicationsOfTheErasedTraces() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        for (WorkspaceId w : List.of(ws, other)) {
            write(new WorkspaceBatch(w, List.of(userTrace("alice-0", "alice", AT), userTrace("alice-1", "alice", AT),
                    userTrace("bob-0", "bob", AT)), List.of(), List.of(), List.of()));
            store().learnings().create(w, learning("l-1"));
            for (String trace : List.of("alice-0", "alice-1", "bob-0")) {
                store().learnings().apply(w, "l-1", trace, AT, null);
            }
        }

        store().erasure().erase(ws, Set.of("alice"), 1);

        assertThat(store().learnings().application(ws, "l-1", "alice-0")).isEmpty();
        assertThat(store().learnings().application(ws, "l-1", "alice-1")).isEmpty();
        assertThat(store().learnings().application(ws, "l-1", "bob-0")).isPresent();
        assertThat(store().learnings().applicationCount(ws, "l-1")).isEqualTo(1);
        assertThat(store().learnings().applicationCount(other, "l-1")).isEqualTo(3);
        assertThat(store().learnings().application(other, "l-1", "alice-0")).isPresent();
    }

    @Test
    public void retentionTakesTheLearningApplicationsOfPurgedTraces() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        Instant old = AT.minusSeconds(400L * 86_400);
        for (WorkspaceId w : List.of(ws, other)) {
            write(new WorkspaceBatch(w, List.of(userTrace("old-0", "u", old), userTrace("old-1", "u", old),
                    userTrace("old-2", "u", old), userTrace("new", "u", AT)), List.of(), List.of(), List.of()));
            store().learnings().create(w, learning("l-1"));
            for (String trace : List.of("old-0", "old-1", "old-2", "new")) {
                store().learnings().apply(w, "l-1", trace, AT, null);
            }
        }

        store().retention().purge(ws, new RetentionCutoffs(AT.minusSeconds(86_400), null, null), 2);

        assertThat(store().learnings().applicationCount(ws, "l-1")).isEqualTo(1);
        assertThat(store().learnings().application(ws, "l-1", "new")).isPresent();
        assertThat(store().learnings().application(ws, "l-1", "old-0")).isEmpty();
        assertThat(store().learnings().applicationCount(other, "l-1")).isEqualTo(4);
    }

    @Test
    public void anErasureWithdrawsTheWorkspacesFittedModelsOnly() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        for (WorkspaceId w : List.of(ws, other)) {
            write(new WorkspaceBatch(w, List.of(userTrace("carol-0", "carol", AT)), List.of(), List.of(), List.of()));
            store().predictions().save(w, model(PredictionTarget.RATING, "offered", new byte[] {1, 2, 3}));
            store().predictions().save(w, model(PredictionTarget.HANDOFF, "insufficient_data", null));
        }
        // an erasure that removes nothing leaves the models alone
        store().erasure().erase(ws, Set.of("nobody"), 10);
        assertThat(store().predictions().latest(ws, PredictionTarget.RATING).orElseThrow().offered()).isTrue();

        store().erasure().erase(ws, Set.of("carol"), 10);

        PredictionModel rating = store().predictions().latest(ws, PredictionTarget.RATING).orElseThrow();
        assertThat(rating.version()).isEqualTo(1);
        assertThat(rating.status()).isEqualTo("withdrawn");
        assertThat(rating.offered()).isFalse();
        assertThat(rating.model()).isNull();
        assertThat(rating.reason()).startsWith("withdrawn: trained on data that an erasure removed");
        assertThat(rating.qualityJson()).isEqualTo("{\"train_n\":300}");
        assertThat(store().predictions().latest(ws, PredictionTarget.HANDOFF).orElseThrow().status())
                .isEqualTo("insufficient_data");
        // the next training is a new version
        assertThat(store().predictions().save(ws, model(PredictionTarget.RATING, "offered", new byte[] {4})).version())
                .isEqualTo(2);
        PredictionModel theirs = store().predictions().latest(other, PredictionTarget.RATING).orElseThrow();
        assertThat(theirs.offered()).isTrue();
        assertThat(theirs.model()).containsExactly(1, 2, 3);
    }

    private static Trace userTrace(String id, String user, Instant at) {
        Trace t = trace(id, at);
        return new Trace(id, t.agentId(), null, t.conversationId(), user, t.name(), t.input(), t.output(), t.status(),
                t.error(), t.startedAt(), t.endedAt(), t.messageType(), t.intents(), t.confidence(), t.handoff(),
                t.contextSize(), t.configVersion(), t.experimentId(), t.variantId(), t.tags(), t.metadata());
    }

    private static Learning learning(String id) {
        return new Learning(id, null, "retry with backoff", "{}", LearningEvidence.NONE, null, LearningStatus.ACTIVE, AT,
                "key:k1", AT);
    }

    private static PredictionModel model(PredictionTarget target, String status, byte[] bytes) {
        return new PredictionModel(target, 0, AT, status, "because", "{\"train_n\":300}", bytes);
    }
}
