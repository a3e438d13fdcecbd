package dev.sextant.store.tests.learnings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.Intent;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.learnings.ApplicationOutcome;
import dev.sextant.store.learnings.Learning;
import dev.sextant.store.learnings.LearningApplication;
import dev.sextant.store.learnings.LearningEvidence;
import dev.sextant.store.learnings.LearningStatus;
import dev.sextant.store.learnings.LearningsStore.Baseline;
import dev.sextant.store.learnings.OutcomeTally;
import dev.sextant.store.learnings.TaskUsage;
import dev.sextant.store.tests.StoreContract;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Learnings and their applications: stored as given, paged, updated; applications through the
 * API and through learning spans, each trace once, with the outcome that counts; the baseline;
 * tool and model use per task type; and no row of another workspace ever seen or touched.
 */
public abstract class LearningsContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    private static Learning learning(String id, String agent, Instant at) {
        return new Learning(id, agent, "retry with backoff", "{\"items\":[\"tool=search\"],\"outcome\":\"success\"}",
                new LearningEvidence(0.2, 0.8, 1.5, 40L, "patterns"), 0.8, LearningStatus.ACTIVE, at, "key:k1", at);
    }

    private static Trace trace(String id, String agent, Status status, Instant start, String taskType, String intent) {
        return new Trace(id, agent, null, null, null, null, null, null, status, null, start, start.plusSeconds(1), null,
                intent == null ? null : List.of(new Intent(intent, 0.9)), null, null, null, null, null, null, null,
                taskType == null ? null : "{\"task_type\": \"" + taskType + "\"}");
    }

    private static Span learningSpan(String id, String traceId, Instant start, String attributes) {
        return new Span(id, traceId, null, SpanKind.LEARNING, "learn", Status.OK, null, start, start, null, null, null,
                null, null, null, null, null, null, attributes, null, null);
    }

    private static Span tool(String id, String traceId, Instant start, String toolName) {
        return new Span(id, traceId, null, SpanKind.TOOL, "call", Status.OK, null, start, start, null, null, null, null,
                null, toolName, null, null, null, null, null, null);
    }

    private static Span llm(String id, String traceId, Instant start, String model) {
        return new Span(id, traceId, null, SpanKind.LLM, "generate", Status.OK, null, start, start, model, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    @Test
    public void aLearningIsStoredAsGivenAndIdsAreUniquePerWorkspace() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        Learning l = learning("l-1", "coder", AT);
        assertThat(store().learnings().create(ws, l)).isTrue();
        assertThat(store().learnings().create(ws, learning("l-1", "other", AT))).isFalse();
        assertThat(store().learnings().create(other, learning("l-1", "other", AT))).isTrue();

        assertThat(store().learnings().find(ws, "l-1")).contains(l);
        assertThat(store().learnings().find(other, "l-1").orElseThrow().agentId()).isEqualTo("other");
        assertThat(store().learnings().find(newWorkspace(), "l-1")).isEmpty();
        Learning bare = new Learning("l-2", null, "s", "{}", LearningEvidence.NONE, null, LearningStatus.ACTIVE, AT,
                "user:u", AT);
        store().learnings().create(ws, bare);
        assertThat(store().learnings().find(ws, "l-2")).contains(bare);
    }

    @Test
    public void listsArePagedNewestFirstAndFiltered() {
        WorkspaceId ws = newWorkspace();
        for (int i = 0; i < 5; i++) {
            store().learnings().create(ws, learning("l-" + i, i % 2 == 0 ? "a" : "b", AT.plusSeconds(i)));
        }
        store().learnings().create(newWorkspace(), learning("l-9", "a", AT.plusSeconds(99)));
        store().learnings().update(ws, "l-4", null, LearningStatus.RETIRED, AT.plusSeconds(60));

        assertThat(store().learnings().list(ws, null, null, 0, 3)).extracting(Learning::id)
                .containsExactly("l-4", "l-3", "l-2");
        assertThat(store().learnings().list(ws, null, null, 3, 3)).extracting(Learning::id).containsExactly("l-1", "l-0");
        assertThat(store().learnings().list(ws, "a", null, 0, 10)).extracting(Learning::id)
                .containsExactly("l-4", "l-2", "l-0");
        assertThat(store().learnings().list(ws, "a", LearningStatus.ACTIVE, 0, 10)).extracting(Learning::id)
                .containsExactly("l-2", "l-0");
    }

    @Test
    public void anUpdateChangesOnlyWhatIsGivenAndOnlyInItsWorkspace() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        store().learnings().create(ws, learning("l-1", "a", AT));
        store().learnings().create(other, learning("l-1", "a", AT));

        Learning changed = store().learnings().update(ws, "l-1", "new words", null, AT.plusSeconds(5)).orElseThrow();

        assertThat(changed.statement()).isEqualTo("new words");
        assertThat(changed.status()).isEqualTo(LearningStatus.ACTIVE);
        assertThat(changed.updatedAt()).isEqualTo(AT.plusSeconds(5));
        assertThat(changed.createdAt()).isEqualTo(AT);
        assertThat(store().learnings().find(other, "l-1").orElseThrow().statement()).isEqualTo("retry with backoff");
        assertThat(store().learnings().update(ws, "missing", "x", null, AT)).isEmpty();
    }

    @Test
    public void applicationsComeFromTheApiAndFromSpansOncePerTraceWithTheOutcomeThatCounts() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        store().learnings().create(ws, learning("l-1", "a", AT));
        write(new WorkspaceBatch(ws, List.of(trace("ok", "a", Status.OK, AT, null, null),
                trace("bad", "a", Status.ERROR, AT.plusSeconds(10), null, null),
                trace("both", "a", Status.OK, AT.plusSeconds(20), null, null),
                trace("said", "a", Status.OK, AT.plusSeconds(30), null, null),
                trace("notapplied", "a", Status.OK, AT.plusSeconds(40), null, null),
                trace("otherlearning", "a", Status.OK, AT.plusSeconds(50), null, null)),
                List.of(learningSpan("s1", "bad", AT.plusSeconds(11), "{\"learning_id\": \"l-1\", \"applied\": true}"),
                        learningSpan("s2", "both", AT.plusSeconds(21), "{\"learning_id\": \"l-1\", \"applied\": true}"),
                        learningSpan("s3", "said", AT.plusSeconds(31),
                                "{\"learning_id\": \"l-1\", \"applied\": true, \"outcome\": \"Failed\"}"),
                        learningSpan("s4", "said", AT.plusSeconds(32), "{\"learning_id\": \"l-1\", \"applied\": true}"),
                        learningSpan("s5", "notapplied", AT.plusSeconds(41),
                                "{\"learning_id\": \"l-1\", \"applied\": false}"),
                        learningSpan("s6", "otherlearning", AT.plusSeconds(51),
                                "{\"learning_id\": \"l-2\", \"applied\": true}")),
                List.of(), List.of()));
        // the same trace ids in another workspace: their outcomes never reach this one
        write(new WorkspaceBatch(other, List.of(trace("later", "a", Status.ERROR, AT, null, null)), List.of(
                learningSpan("x1", "later", AT, "{\"learning_id\": \"l-1\", \"applied\": true}")), List.of(), List.of()));
        store().learnings().apply(ws, "l-1", "ok", AT.plusSeconds(1), null);
        store().learnings().apply(ws, "l-1", "both", AT.plusSeconds(22), ApplicationOutcome.FAILURE);
        store().learnings().apply(ws, "l-1", "later", AT.plusSeconds(100), null);
        store().learnings().apply(other, "l-1", "ok", AT.plusSeconds(1), ApplicationOutcome.FAILURE);

        List<LearningApplication> apps = store().learnings().applications(ws, "l-1", 0, 10);

        assertThat(apps).extracting(LearningApplication::traceId).containsExactly("later", "said", "both", "bad", "ok");
        assertThat(apps).extracting(LearningApplication::outcome).containsExactly(ApplicationOutcome.PENDING,
                ApplicationOutcome.FAILURE, ApplicationOutcome.FAILURE, ApplicationOutcome.FAILURE,
                ApplicationOutcome.SUCCESS);
        assertThat(apps).extracting(LearningApplication::source).containsExactly(LearningApplication.Source.API,
                LearningApplication.Source.SPAN, LearningApplication.Source.API, LearningApplication.Source.SPAN,
                LearningApplication.Source.API);
        assertThat(apps.get(1).declared()).isEqualTo(ApplicationOutcome.FAILURE);
        assertThat(apps.get(1).appliedAt()).isEqualTo(AT.plusSeconds(31));
        assertThat(apps.get(4).declared()).isNull();
        assertThat(store().learnings().applicationCount(ws, "l-1")).isEqualTo(5);
        assertThat(store().learnings().application(ws, "l-1", "said")).contains(apps.get(1));
        assertThat(store().learnings().application(ws, "l-1", "notapplied")).isEmpty();
        assertThat(store().learnings().application(other, "l-1", "bad")).isEmpty();
        assertThat(store().learnings().applications(ws, "l-1", 1, 2)).extracting(LearningApplication::traceId)
                .containsExactly("said", "both");
        assertThat(store().learnings().applications(other, "l-1", 0, 10)).extracting(LearningApplication::traceId)
                .containsExactly("ok", "later");
        assertThat(store().learnings().applications(newWorkspace(), "l-1", 0, 10)).isEmpty();

        // the trace arrives: the pending application takes its outcome when read
        write(new WorkspaceBatch(ws, List.of(trace("later", "a", Status.OK, AT.plusSeconds(99), null, null)), List.of(),
                List.of(), List.of()));
        assertThat(store().learnings().applications(ws, "l-1", 0, 1).getFirst().outcome())
                .isEqualTo(ApplicationOutcome.SUCCESS);
        assertThat(store().learnings().tally(ws, "l-1"))
                .containsExactly(new OutcomeTally(LocalDate.of(2026, 6, 1), 2, 3, 0));
    }

    @Test
    public void theBaselineIsTheAgentsTracesWithoutTheLearning() {
        WorkspaceId ws = newWorkspace();
        store().learnings().create(ws, learning("l-1", "a", AT));
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            traces.add(trace("a" + i, "a", i < 3 ? Status.ERROR : Status.OK, AT.plusSeconds(i), null, null));
            traces.add(trace("b" + i, "b", Status.ERROR, AT.plusSeconds(i), null, null));
        }
        spans.add(learningSpan("s", "a9", AT, "{\"learning_id\": \"l-1\", \"applied\": true}"));
        write(new WorkspaceBatch(ws, traces, spans, List.of(), List.of()));
        write(new WorkspaceBatch(newWorkspace(), traces, List.of(), List.of(), List.of()));
        store().learnings().apply(ws, "l-1", "a8", AT, null);

        Instant from = AT.minusSeconds(86_400);
        Instant to = AT.plusSeconds(86_400);
        assertThat(store().learnings().baseline(ws, "l-1", "a", from, to)).isEqualTo(new Baseline(8, 5));
        assertThat(store().learnings().baseline(ws, "l-1", null, from, to)).isEqualTo(new Baseline(18, 5));
        assertThat(store().learnings().baseline(newWorkspace(), "l-1", "a", from, to)).isEqualTo(new Baseline(0, 0));
    }

    @Test
    public void theBaselineCountsOnlyTracesStartedInItsWindow() {
        WorkspaceId ws = newWorkspace();
        store().learnings().create(ws, learning("l-1", "a", AT));
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // a0..a5 start a day apart; a0 and a1 failed
            traces.add(trace("a" + i, "a", i < 2 ? Status.ERROR : Status.OK, AT.plusSeconds(86_400L * i), null, null));
        }
        write(new WorkspaceBatch(ws, traces, List.of(), List.of(), List.of()));
        store().learnings().apply(ws, "l-1", "a3", AT, null);

        // from a1 (inclusive) to a4 (exclusive): a1, a2 (a3 had the learning applied)
        assertThat(store().learnings().baseline(ws, "l-1", "a", AT.plusSeconds(86_400), AT.plusSeconds(4 * 86_400)))
                .isEqualTo(new Baseline(2, 1));
        assertThat(store().learnings().baseline(ws, "l-1", "a", AT.minusSeconds(1), AT)).isEqualTo(new Baseline(0, 0));
        assertThat(store().learnings().baseline(ws, "l-1", "a", AT, AT.plusSeconds(6 * 86_400)))
                .isEqualTo(new Baseline(5, 3));
    }

    @Test
    public void toolAndModelUsePerTaskTypeCountsTracesOnce() {
        WorkspaceId ws = newWorkspace();
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = "t" + i;
            // task type from metadata for even traces, from the top intent for odd ones
            traces.add(trace(id, "a", i < 2 ? Status.ERROR : Status.OK, AT.plusSeconds(i), i % 2 == 0 ? "fix" : null,
                    i % 2 == 0 ? "ignored" : "fix"));
            spans.add(tool(id + "-1", id, AT.plusSeconds(i), i < 6 ? "search" : "grep"));
            spans.add(tool(id + "-2", id, AT.plusSeconds(i), i < 6 ? "search" : "grep"));
            spans.add(llm(id + "-3", id, AT.plusSeconds(i), "m1"));
        }
        traces.add(trace("none", "a", Status.OK, AT, null, null));
        spans.add(tool("none-1", "none", AT, "search"));
        traces.add(trace("other", "b", Status.OK, AT, "review", null));
        spans.add(tool("other-1", "other", AT, "search"));
        write(new WorkspaceBatch(ws, traces, spans, List.of(), List.of()));
        write(new WorkspaceBatch(newWorkspace(), traces, spans, List.of(), List.of()));
        InteractionQuery all = InteractionQuery.builder().from(AT.minusSeconds(60)).to(AT.plusSeconds(60)).build();

        assertThat(store().learnings().taskUsage(ws, all, null)).containsExactly(
                new TaskUsage("fix", TaskUsage.Kind.MODEL, "m1", 10, 8),
                new TaskUsage("fix", TaskUsage.Kind.TOOL, "grep", 4, 4),
                new TaskUsage("fix", TaskUsage.Kind.TOOL, "search", 6, 4),
                new TaskUsage("review", TaskUsage.Kind.TOOL, "search", 1, 1));
        assertThat(store().learnings().taskUsage(ws, all, "review")).hasSize(1);
        assertThat(store().learnings().taskUsage(newWorkspace(), all, null)).isEmpty();
    }
}
