package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentCorrection;
import dev.sextant.store.ExperimentQuery;
import dev.sextant.store.ExperimentSpec;
import dev.sextant.store.ExperimentSpec.Variant;
import dev.sextant.store.ExperimentStatus;
import dev.sextant.store.ExperimentUnitKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Experiments round-trip with every field; status-dependent writes only change what they may. */
public abstract class ExperimentContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00.123456Z");

    static ExperimentSpec spec(String name, String agent) {
        return new ExperimentSpec(name, "a shorter prompt answers faster", agent, ExperimentUnitKind.USER_ID,
                List.of(new Variant("control", "Current", "support-prompt-v1", 50, true),
                        new Variant("short", "Short prompt ü 🚀", "support-prompt-v2", 50, false)),
                List.of("success_rate", "satisfaction"), List.of("cost_per_unit", "response_time", "handoff_rate"),
                1000L, 0.02, 0.2, 0.05, 0.8, ExperimentCorrection.HOLM, false, T0, T0.plusSeconds(86_400 * 14));
    }

    @Test
    public void experimentsRoundTripWithEveryField() {
        WorkspaceId ws = newWorkspace();
        Experiment a = store().experiments().add(ws, "prompt-test", spec("prompt", "support-bot"), ExperimentStatus.DRAFT);
        ExperimentSpec sparse = new ExperimentSpec("sparse", null, null, ExperimentUnitKind.CONVERSATION_ID,
                List.of(new Variant("a", "A", "c-v1", 34, false), new Variant("b", "B", "c-v2", 33, true),
                        new Variant("c", "C", "c-v3", 33, false)),
                List.of("cost_per_unit"), List.of(), null, null, null, 0.01, 0.9, ExperimentCorrection.BENJAMINI_HOCHBERG, true, null, null);
        Experiment b = store().experiments().add(ws, null, sparse, ExperimentStatus.RUNNING);

        assertThat(a.id()).isEqualTo("prompt-test");
        assertThat(a.status()).isEqualTo(ExperimentStatus.DRAFT);
        assertThat(a.startedAt()).isNull();
        assertThat(b.id()).startsWith("exp_");
        assertThat(b.startedAt()).isNotNull();
        assertThat(store().experiments().find(ws, a.id())).contains(a);
        assertThat(store().experiments().find(ws, b.id())).contains(b);
        assertThat(store().experiments().find(ws, b.id()).orElseThrow().spec().control().id()).isEqualTo("b");
        assertThat(store().experiments().list(ws, ExperimentQuery.ALL)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    public void listFiltersByStatusAndAgent() {
        WorkspaceId ws = newWorkspace();
        Experiment draft = store().experiments().add(ws, "d", spec("d", "bot-a"), ExperimentStatus.DRAFT);
        Experiment running = store().experiments().add(ws, "r", spec("r", "bot-a"), ExperimentStatus.RUNNING);
        Experiment other = store().experiments().add(ws, "o", spec("o", "bot-b"), ExperimentStatus.RUNNING);
        assertThat(store().experiments().list(ws, new ExperimentQuery(ExperimentStatus.RUNNING, null)))
                .containsExactlyInAnyOrder(running, other);
        assertThat(store().experiments().list(ws, new ExperimentQuery(null, "bot-a")))
                .containsExactlyInAnyOrder(draft, running);
        assertThat(store().experiments().list(ws, new ExperimentQuery(ExperimentStatus.DRAFT, "bot-b"))).isEmpty();
    }

    @Test
    public void aTakenIdIsAConflictAndChangesNothing() {
        WorkspaceId ws = newWorkspace();
        Experiment first = store().experiments().add(ws, "same", spec("first", "bot"), ExperimentStatus.DRAFT);
        assertThatThrownBy(() -> store().experiments().add(ws, "same", spec("second", "bot"), ExperimentStatus.DRAFT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'same' already exists");
        assertThat(store().experiments().find(ws, "same")).contains(first);
        WorkspaceId other = newWorkspace();
        assertThat(store().experiments().add(other, "same", spec("elsewhere", "bot"), ExperimentStatus.DRAFT).id())
                .isEqualTo("same");
    }

    @Test
    public void onlyADraftIsReplacedOrDeleted() {
        WorkspaceId ws = newWorkspace();
        Experiment draft = store().experiments().add(ws, "e", spec("e", "bot"), ExperimentStatus.DRAFT);
        ExperimentSpec changed = spec("renamed", "other-bot");
        Experiment replaced = store().experiments().replaceDraft(ws, "e", changed).orElseThrow();
        assertThat(replaced.spec()).isEqualTo(changed);
        assertThat(replaced.createdAt()).isEqualTo(draft.createdAt());

        store().experiments().transition(ws, "e", Set.of(ExperimentStatus.DRAFT), ExperimentStatus.RUNNING, T0)
                .orElseThrow();
        assertThat(store().experiments().replaceDraft(ws, "e", spec("too late", "bot"))).isEmpty();
        assertThat(store().experiments().deleteDraft(ws, "e")).isFalse();
        assertThat(store().experiments().find(ws, "e").orElseThrow().spec()).isEqualTo(changed);
        assertThat(store().experiments().replaceDraft(ws, "missing", changed)).isEmpty();
    }

    @Test
    public void transitionsMoveOnlyFromTheGivenStatusesAndStampTheirTime() {
        WorkspaceId ws = newWorkspace();
        store().experiments().add(ws, "e", spec("e", "bot"), ExperimentStatus.DRAFT);
        assertThat(store().experiments().transition(ws, "e", Set.of(ExperimentStatus.RUNNING), ExperimentStatus.STOPPED,
                T0)).isEmpty();
        Experiment running = store().experiments().transition(ws, "e", Set.of(ExperimentStatus.DRAFT),
                ExperimentStatus.RUNNING, T0).orElseThrow();
        assertThat(running.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(running.startedAt()).isEqualTo(T0);
        Experiment stopped = store().experiments().transition(ws, "e", EnumSet.of(ExperimentStatus.RUNNING),
                ExperimentStatus.STOPPED, T0.plusSeconds(60)).orElseThrow();
        assertThat(stopped.stoppedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(stopped.startedAt()).isEqualTo(T0);
        Experiment concluded = store().experiments().conclude(ws, "e", "short", "short wins on success_rate",
                T0.plusSeconds(120)).orElseThrow();
        assertThat(concluded.status()).isEqualTo(ExperimentStatus.CONCLUDED);
        assertThat(concluded.winner()).isEqualTo("short");
        assertThat(concluded.conclusion()).isEqualTo("short wins on success_rate");
        assertThat(concluded.concludedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(store().experiments().conclude(ws, "e", null, "again", T0)).isEmpty();
    }

    @Test
    public void anotherWorkspaceExperimentIsNotFoundNorChangeable() {
        WorkspaceId mine = newWorkspace();
        WorkspaceId other = newWorkspace();
        Experiment e = store().experiments().add(mine, "mine", spec("mine", "bot"), ExperimentStatus.DRAFT);
        assertThat(store().experiments().list(other, ExperimentQuery.ALL)).isEmpty();
        assertThat(store().experiments().find(other, "mine")).isEmpty();
        assertThat(store().experiments().replaceDraft(other, "mine", spec("x", "bot"))).isEmpty();
        assertThat(store().experiments().transition(other, "mine", Set.of(ExperimentStatus.DRAFT),
                ExperimentStatus.RUNNING, T0)).isEmpty();
        assertThat(store().experiments().conclude(other, "mine", null, "x", T0)).isEmpty();
        assertThat(store().experiments().deleteDraft(other, "mine")).isFalse();
        assertThat(store().experiments().find(mine, "mine")).contains(e);
    }
}
