package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.models.ModelEvaluation;
import dev.sextant.store.models.ModelVersion;
import dev.sextant.store.models.NewEvaluation;
import dev.sextant.store.models.NewModelVersion;
import dev.sextant.store.models.ReliabilityDay;
import dev.sextant.store.models.ReliabilityQuery;
import dev.sextant.store.training.TrainingType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Model versions and evaluations round-trip; labels are unique per agent; a parent is a version
 * of the same agent; a model's production days count exactly the traces that name it.
 */
public abstract class ModelVersionContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00.123456Z");
    private static final String FT = "ft:gpt-4o-mini:acme::abc";

    static NewModelVersion version(String id, String agent, String label, String parent, Instant deployed) {
        return new NewModelVersion(id, agent, label, FT + "-" + label, "gpt-4o-mini", parent, "run-" + label,
                TrainingType.FINE_TUNING, deployed, "notes ü 🚀", List.of("prod", "a,b"));
    }

    static NewEvaluation evaluation(String benchmark, double accuracy, Instant at) {
        return new NewEvaluation(benchmark, new TreeMap<>(Map.of("accuracy", accuracy, "f1", accuracy - 0.1)), null,
                "support-qa-v2", 500L, at);
    }

    @Test
    public void versionsRoundTripWithEveryField() {
        WorkspaceId ws = newWorkspace();
        ModelVersion v1 = store().modelVersions().add(ws, version("v1", "bot", "1.0", null, T0));
        ModelVersion v2 = store().modelVersions().add(ws, new NewModelVersion(null, "bot", "2.0", FT, null, "v1", null,
                null, null, null, null));
        assertThat(v1.id()).isEqualTo("v1");
        assertThat(v1.deployedAt()).isEqualTo(T0);
        assertThat(v1.tags()).containsExactly("prod", "a,b");
        assertThat(v1.trainingType()).isEqualTo(TrainingType.FINE_TUNING);
        assertThat(v2.id()).startsWith("mv_");
        assertThat(v2.tags()).isEmpty();
        assertThat(store().modelVersions().find(ws, "v1")).contains(v1);
        assertThat(store().modelVersions().find(ws, v2.id())).contains(v2);
        assertThat(store().modelVersions().find(ws, "missing")).isEmpty();
    }

    @Test
    public void aLabelIsUniquePerAgentAndAnIdPerWorkspace() {
        WorkspaceId ws = newWorkspace();
        ModelVersion first = store().modelVersions().add(ws, version("a", "bot", "1.0", null, null));
        assertThatThrownBy(() -> store().modelVersions().add(ws, version("b", "bot", "1.0", null, null)))
                .isInstanceOf(ConflictException.class).hasMessage("agent 'bot' already has a version labelled '1.0'");
        assertThatThrownBy(() -> store().modelVersions().add(ws, version("a", "bot", "9.9", null, null)))
                .isInstanceOf(ConflictException.class).hasMessage("model version 'a' already exists in this workspace");
        assertThat(store().modelVersions().add(ws, version("c", "other-bot", "1.0", null, null)).versionLabel())
                .isEqualTo("1.0");
        assertThat(store().modelVersions().add(newWorkspace(), version("a", "bot", "1.0", null, null)).id()).isEqualTo("a");
        assertThat(store().modelVersions().list(ws, "bot")).containsExactly(first);
    }

    @Test
    public void aParentIsAnExistingVersionOfTheSameAgentAndNeverTheVersionItself() {
        WorkspaceId ws = newWorkspace();
        store().modelVersions().add(ws, version("root", "bot", "1.0", null, null));
        store().modelVersions().add(ws, version("elsewhere", "other-bot", "1.0", null, null));
        WorkspaceId other = newWorkspace();
        store().modelVersions().add(other, version("foreign", "bot", "1.0", null, null));
        for (String parent : List.of("missing", "elsewhere", "foreign")) {
            assertThatThrownBy(() -> store().modelVersions().add(ws, version("child", "bot", "2.0", parent, null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parent version '" + parent + "' is not a version of agent 'bot' in this workspace");
        }
        assertThatThrownBy(() -> store().modelVersions().add(ws, version("self", "bot", "3.0", "self", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("version 'self' cannot be its own parent");
        assertThat(store().modelVersions().find(ws, "child")).isEmpty();
        assertThat(store().modelVersions().add(ws, version("child", "bot", "2.0", "root", null)).parentVersionId())
                .isEqualTo("root");
    }

    @Test
    public void aListIsInDeploymentOrderAndFiltersByAgent() {
        WorkspaceId ws = newWorkspace();
        ModelVersion late = store().modelVersions().add(ws, version("late", "bot", "3", null, T0.plusSeconds(7200)));
        ModelVersion early = store().modelVersions().add(ws, version("early", "bot", "1", null, T0));
        ModelVersion other = store().modelVersions().add(ws, version("x", "other", "1", null, T0.plusSeconds(60)));
        assertThat(store().modelVersions().list(ws, "bot")).containsExactly(early, late);
        assertThat(store().modelVersions().list(ws, null)).containsExactly(early, other, late);
        assertThat(store().modelVersions().list(ws, "nobody")).isEmpty();
    }

    @Test
    public void evaluationsRoundTripInTimeOrder() {
        WorkspaceId ws = newWorkspace();
        store().modelVersions().add(ws, version("v1", "bot", "1", null, null));
        store().modelVersions().add(ws, version("v2", "bot", "2", "v1", null));
        store().modelVersions().add(ws, version("o1", "other", "1", null, null));
        ModelEvaluation later = store().modelVersions().addEvaluation(ws, "v1", evaluation("mmlu", 0.8, T0.plusSeconds(60)))
                .orElseThrow();
        NewEvaluation sparse = new NewEvaluation("custom", new TreeMap<>(Map.of("bleu", 31.5)), "bleu", null, null, T0);
        ModelEvaluation earlier = store().modelVersions().addEvaluation(ws, "v1", sparse).orElseThrow();
        ModelEvaluation onV2 = store().modelVersions().addEvaluation(ws, "v2", evaluation("mmlu", 0.85, T0.plusSeconds(30))).orElseThrow();
        store().modelVersions().addEvaluation(ws, "o1", evaluation("mmlu", 0.5, T0)).orElseThrow();
        assertThat(later.id()).startsWith("ev_");
        assertThat(later.primaryMetric()).isEqualTo("accuracy");
        assertThat(later.primaryValue()).isEqualTo(0.8);
        assertThat(later.metrics()).containsEntry("f1", 0.8 - 0.1);
        assertThat(earlier.sampleSize()).isNull();
        assertThat(store().modelVersions().evaluations(ws, "v1")).containsExactly(earlier, later);
        assertThat(store().modelVersions().evaluationsOfAgent(ws, "bot")).containsExactly(earlier, onV2, later);
        assertThat(store().modelVersions().addEvaluation(ws, "missing", sparse)).isEmpty();
        assertThat(store().modelVersions().evaluations(ws, "missing")).isEmpty();
    }

    @Test
    public void anotherWorkspaceSeesNoVersionEvaluationOrProductionDay() {
        WorkspaceId mine = newWorkspace();
        WorkspaceId other = newWorkspace();
        store().modelVersions().add(mine, version("v1", "bot", "1", null, T0));
        store().modelVersions().addEvaluation(mine, "v1", evaluation("mmlu", 0.8, T0)).orElseThrow();
        write(traffic(mine, "t-", FT, T0, 3, 1));
        ReliabilityQuery q = new ReliabilityQuery(FT, "support-bot", T0.minusSeconds(3600), T0.plusSeconds(86_400 * 3));
        assertThat(store().modelReliability().daily(mine, q)).hasSize(1);
        assertThat(store().modelVersions().find(other, "v1")).isEmpty();
        assertThat(store().modelVersions().list(other, "bot")).isEmpty();
        assertThat(store().modelVersions().list(other, null)).isEmpty();
        assertThat(store().modelVersions().evaluations(other, "v1")).isEmpty();
        assertThat(store().modelVersions().evaluationsOfAgent(other, "bot")).isEmpty();
        assertThat(store().modelVersions().addEvaluation(other, "v1", evaluation("mmlu", 0.1, T0))).isEmpty();
        assertThatThrownBy(() -> store().modelVersions().add(other, version("v2", "bot", "2", "v1", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().modelReliability().daily(other, q)).isEmpty();
        assertThat(store().modelVersions().evaluations(mine, "v1")).hasSize(1);
    }

    @Test
    public void productionDaysCountTheTracesThatNameTheModel() {
        WorkspaceId ws = newWorkspace();
        Instant day1 = Instant.parse("2026-11-02T23:30:00Z");
        Instant day2 = Instant.parse("2026-11-03T00:30:00Z");
        // day 1: 4 traces, 1 failed; day 2: 3 traces, 2 failed; another model's and another agent's traffic beside
        write(traffic(ws, "a-", FT, day1, 4, 1), traffic(ws, "b-", FT, day2, 3, 2),
                traffic(ws, "c-", "gpt-4o", day1, 5, 0));
        List<Trace> elsewhere = List.of(Fixtures.withAgent(Fixtures.trace("d-0", day1), "other-agent"));
        write(new WorkspaceBatch(ws, elsewhere, List.of(call("d-0-call", "d-0", day1, FT, Status.OK)), List.of(), List.of()));
        // ratings on day 1: 5 and 3 on one trace, 4 on another -> 3 ratings, mean 4
        write(new WorkspaceBatch(ws, List.of(), List.of(), List.of(Fixtures.score("r1", "a-0", 5),
                Fixtures.score("r2", "a-0", 3), Fixtures.score("r3", "a-1", 4),
                new Score("r4", "a-2", null, "thumbs", 1.0, null, null, "user", null, T0)), List.of()));
        List<ReliabilityDay> days = store().modelReliability().daily(ws,
                new ReliabilityQuery(FT, "support-bot", day1.minusSeconds(86_400), day2.plusSeconds(86_400)));
        assertThat(days).containsExactly(
                new ReliabilityDay(LocalDate.parse("2026-11-02"), 4, 3, 1, 8, 1, 1200.0, 3, 4.0),
                new ReliabilityDay(LocalDate.parse("2026-11-03"), 3, 1, 2, 6, 2, 1200.0, 0, null));
        List<ReliabilityDay> anyAgent = store().modelReliability().daily(ws,
                new ReliabilityQuery(FT, null, day1.minusSeconds(86_400), day2.plusSeconds(86_400)));
        assertThat(anyAgent.getFirst().traces()).isEqualTo(5);
        assertThat(store().modelReliability().daily(ws, new ReliabilityQuery(FT, "support-bot", day2, day2.plusSeconds(1))))
                .extracting(ReliabilityDay::traces).containsExactly(1L);
        assertThat(store().modelReliability().daily(ws, new ReliabilityQuery("ft:none", null, day1, day2))).isEmpty();
    }

    /**
     * {@code n} support-bot traces from {@code start}, a minute apart, each with two calls to
     * {@code model}; the first {@code failed} traces fail, and so does the second call of each.
     */
    static WorkspaceBatch traffic(WorkspaceId ws, String prefix, String model, Instant start, int n, int failed) {
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = start.plusSeconds(60L * i);
            Trace t = Fixtures.trace(prefix + i, at);
            if (i < failed) {
                t = new Trace(t.id(), t.agentId(), t.sessionId(), t.conversationId(), t.userId(), t.name(), t.input(),
                        t.output(), Status.ERROR, "boom", t.startedAt(), t.endedAt(), t.messageType(), t.intents(),
                        t.confidence(), t.handoff(), t.contextSize(), t.configVersion(), t.experimentId(),
                        t.variantId(), t.tags(), t.metadata());
            }
            traces.add(t);
            spans.add(call(prefix + i + "-1", prefix + i, at, model, Status.OK));
            spans.add(call(prefix + i + "-2", prefix + i, at.plusMillis(100), model, i < failed ? Status.ERROR : Status.OK));
        }
        return new WorkspaceBatch(ws, traces, spans, List.of(), List.of());
    }

    static Span call(String id, String traceId, Instant at, String model, Status status) {
        Span s = Fixtures.llm(id, traceId, at, model, null, null);
        return new Span(s.id(), s.traceId(), null, SpanKind.LLM, s.name(), status, status == Status.ERROR ? "failed" : null,
                s.startedAt(), s.endedAt(), model, s.provider(), null, null, null, null, null, null, null, null, null, null);
    }
}
