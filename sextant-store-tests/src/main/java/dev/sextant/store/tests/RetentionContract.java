package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.RetentionCounts;
import dev.sextant.store.RetentionCutoffs;
import dev.sextant.store.RetentionKind;
import dev.sextant.store.RetentionRun;
import dev.sextant.store.RetentionSetting;
import dev.sextant.store.TraceDetail;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.training.MetricQuery;
import dev.sextant.store.training.MetricSample;
import dev.sextant.store.training.NewTrainingRun;
import dev.sextant.store.training.TrainingType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Retention: periods round-trip per workspace; the purge removes what is older than each cutoff
 * (in batches smaller than the data, so several transactions), keeps what is newer, clears
 * payloads but keeps their numbers, deletes old training metric points by the time they were
 * logged, and never touches another workspace.
 */
public abstract class RetentionContract extends StoreContract {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofDays(100));
    private static final Instant RECENT = NOW.minus(Duration.ofDays(1));
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(50));

    @Test
    public void periodsRoundTripPerKindAndWorkspace() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        assertThat(store().retention().settings(ws)).isEmpty();

        store().retention().set(ws, List.of(new RetentionSetting(RetentionKind.TRACES, 30),
                new RetentionSetting(RetentionKind.SCORES, null)));
        store().retention().set(ws, List.of(new RetentionSetting(RetentionKind.TRACES, 365)));

        assertThat(store().retention().settings(ws)).containsExactlyInAnyOrder(
                new RetentionSetting(RetentionKind.TRACES, 365), new RetentionSetting(RetentionKind.SCORES, null));
        assertThat(store().retention().settings(other)).isEmpty();
    }

    @Test
    public void oldTracesGoWithTheirSpansScoresAndSessionsInBatches() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        for (WorkspaceId w : List.of(ws, other)) {
            write(interactions(w, "old", 5, OLD), interactions(w, "new", 3, RECENT),
                    sessions(w, new Session("s-old", "u", "bot", null, OLD, OLD.plusSeconds(60)),
                            new Session("s-new", "u", "bot", null, RECENT, null)));
        }

        RetentionCounts counts = store().retention().purge(ws, new RetentionCutoffs(CUTOFF, null, null), 2);

        assertThat(counts).isEqualTo(new RetentionCounts(5, 10, 0, 5, 1));
        for (int i = 0; i < 5; i++) {
            assertThat(store().interactions().get(ws, "old-" + i)).isEmpty();
            assertThat(store().interactions().get(other, "old-" + i)).as("the other workspace keeps its own").isPresent();
        }
        for (int i = 0; i < 3; i++) {
            TraceDetail kept = store().interactions().get(ws, "new-" + i).orElseThrow();
            assertThat(kept.spans()).hasSize(2);
            assertThat(kept.scores()).hasSize(1);
        }
        TraceDetail untouched = store().interactions().get(other, "old-0").orElseThrow();
        assertThat(untouched.spans()).hasSize(2);
        assertThat(untouched.scores()).hasSize(1);
        // running again finds nothing more
        assertThat(store().retention().purge(ws, new RetentionCutoffs(CUTOFF, null, null), 2))
                .isEqualTo(RetentionCounts.NONE);
    }

    @Test
    public void payloadsAreClearedButTheNumbersStay() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        for (WorkspaceId w : List.of(ws, other)) {
            write(interactions(w, "old", 3, OLD), interactions(w, "new", 1, RECENT));
        }
        TraceDetail before = store().interactions().get(ws, "old-0").orElseThrow();

        RetentionCounts counts = store().retention().purge(ws, new RetentionCutoffs(null, CUTOFF, null), 2);

        assertThat(counts).isEqualTo(new RetentionCounts(0, 0, 3 + 3 * 2, 0, 0));
        TraceDetail after = store().interactions().get(ws, "old-0").orElseThrow();
        assertThat(after.summary().trace().input()).isNull();
        assertThat(after.summary().trace().output()).isNull();
        assertThat(after.summary().trace().agentId()).isEqualTo(before.summary().trace().agentId());
        assertThat(after.summary().rollup()).isEqualTo(before.summary().rollup());
        assertThat(after.summary().rollup().inputTokens()).isEqualTo(2 * 1000);
        assertThat(after.spans()).hasSize(2).allSatisfy(s -> {
            assertThat(s.input()).isNull();
            assertThat(s.output()).isNull();
            assertThat(s.usage()).isEqualTo(Usage.of(1000, 500));
        });
        assertThat(after.scores()).hasSize(1);
        TraceDetail recent = store().interactions().get(ws, "new-0").orElseThrow();
        assertThat(recent.summary().trace().input()).isEqualTo("Where is my order?");
        assertThat(recent.spans()).allSatisfy(s -> assertThat(s.input()).isEqualTo("prompt"));
        TraceDetail otherOld = store().interactions().get(other, "old-0").orElseThrow();
        assertThat(otherOld.summary().trace().input()).isEqualTo("Where is my order?");
        assertThat(otherOld.spans()).allSatisfy(s -> assertThat(s.output()).isEqualTo("completion"));
        assertThat(store().retention().purge(ws, new RetentionCutoffs(null, CUTOFF, null), 2))
                .isEqualTo(RetentionCounts.NONE);
    }

    @Test
    public void oldScoresGoByTheirOwnTimeAndTheirTracesStay() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        for (WorkspaceId w : List.of(ws, other)) {
            write(interactions(w, "t", 1, RECENT), new WorkspaceBatch(w, List.of(), List.of(),
                    List.of(score("r-old", "t-0", OLD), score("r-new", "t-0", RECENT)), List.of()));
        }

        RetentionCounts counts = store().retention().purge(ws, new RetentionCutoffs(null, null, CUTOFF), 1);

        assertThat(counts).isEqualTo(new RetentionCounts(0, 0, 0, 1, 0));
        TraceDetail kept = store().interactions().get(ws, "t-0").orElseThrow();
        assertThat(kept.scores()).extracting(Score::id).containsExactlyInAnyOrder("t-0-score", "r-new");
        assertThat(kept.spans()).hasSize(2);
        assertThat(store().interactions().get(other, "t-0").orElseThrow().scores()).hasSize(3);
    }

    @Test
    public void nothingOlderMeansNothingRemoved() {
        WorkspaceId ws = newWorkspace();
        write(interactions(ws, "new", 2, RECENT));
        assertThat(store().retention().purge(ws, new RetentionCutoffs(CUTOFF, CUTOFF, CUTOFF), 10_000))
                .isEqualTo(RetentionCounts.NONE);
        assertThat(store().retention().purge(ws, new RetentionCutoffs(null, null, null), 10_000))
                .isEqualTo(RetentionCounts.NONE);
        assertThat(store().interactions().get(ws, "new-1")).isPresent();
    }

    @Test
    public void writesDuringAPurgeAreNotLost() throws Exception {
        WorkspaceId ws = newWorkspace();
        write(interactions(ws, "old", 60, OLD));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writing = writer.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    write(interactions(ws, "live" + i, 1, RECENT));
                }
            });
            RetentionCounts counts = store().retention().purge(ws, new RetentionCutoffs(CUTOFF, CUTOFF, CUTOFF), 1);
            writing.get();
            assertThat(counts.traces()).isEqualTo(60);
            assertThat(counts.spans()).isEqualTo(120);
        } finally {
            writer.shutdownNow();
        }
        for (int i = 0; i < 30; i++) {
            TraceDetail live = store().interactions().get(ws, "live" + i + "-0").orElseThrow();
            assertThat(live.spans()).hasSize(2);
            assertThat(live.scores()).hasSize(1);
            assertThat(live.summary().trace().input()).isEqualTo("Where is my order?");
        }
    }

    @Test
    public void theLastRunIsTheOneThatStartedLast() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        assertThat(store().retention().lastRun(ws)).isEmpty();
        RetentionRun first = new RetentionRun(NOW, NOW.plusSeconds(2), new RetentionCounts(1, 2, 3, 4, 5), null);
        RetentionRun second = new RetentionRun(NOW.plusSeconds(3600), NOW.plusSeconds(3601), RetentionCounts.NONE,
                "deleting old traces failed");
        store().retention().recordRun(ws, second);
        store().retention().recordRun(ws, first);

        assertThat(store().retention().lastRun(ws)).contains(second);
        assertThat(store().retention().lastRun(other)).isEmpty();
    }

    @Test
    public void oldTrainingMetricPointsGoByTheirTimeInBatchesAndTheRunsStay() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        for (WorkspaceId w : List.of(ws, other)) {
            startRun(w, "mixed", OLD);
            store().trainingRuns().append(w, "mixed", points(OLD, 0, 7));
            store().trainingRuns().append(w, "mixed", points(RECENT, 7, 3));
            startRun(w, "untimed-old", OLD); // points without a time count from their run's start
            store().trainingRuns().append(w, "untimed-old", points(null, 0, 2));
            startRun(w, "untimed-new", RECENT);
            store().trainingRuns().append(w, "untimed-new", points(null, 0, 2));
        }

        RetentionCounts counts = store().retention().purge(ws, new RetentionCutoffs(null, null, null, CUTOFF), 2);

        assertThat(counts).isEqualTo(new RetentionCounts(0, 0, 0, 0, 0, 7 + 2));
        assertThat(steps(ws, "mixed")).containsExactly(7L, 8L, 9L);
        assertThat(steps(ws, "untimed-old")).isEmpty();
        assertThat(steps(ws, "untimed-new")).containsExactly(0L, 1L);
        assertThat(store().trainingRuns().find(ws, "mixed")).as("the run itself stays").isPresent();
        assertThat(store().trainingRuns().find(ws, "untimed-old")).isPresent();
        assertThat(steps(other, "mixed")).as("the other workspace keeps its points").hasSize(10);
        assertThat(steps(other, "untimed-old")).hasSize(2);
        assertThat(store().retention().purge(ws, new RetentionCutoffs(null, null, null, CUTOFF), 2))
                .isEqualTo(RetentionCounts.NONE);
        assertThat(store().retention().purge(ws, new RetentionCutoffs(CUTOFF, CUTOFF, CUTOFF), 2))
                .as("the other kinds keep training metrics").isEqualTo(RetentionCounts.NONE);
        assertThat(steps(ws, "mixed")).hasSize(3);
    }

    @Test
    public void metricsLoggedDuringAPurgeAreNotLost() throws Exception {
        WorkspaceId ws = newWorkspace();
        startRun(ws, "live", OLD);
        for (int b = 0; b < 4; b++) {
            store().trainingRuns().append(ws, "live", points(OLD, b * 50, 50));
        }
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> logging = writer.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    store().trainingRuns().append(ws, "live", points(RECENT, 200 + i * 5, 5));
                }
            });
            RetentionCounts counts = store().retention().purge(ws, new RetentionCutoffs(CUTOFF, CUTOFF, CUTOFF, CUTOFF), 7);
            logging.get();
            assertThat(counts.metrics()).isEqualTo(200);
        } finally {
            writer.shutdownNow();
        }
        List<Long> steps = steps(ws, "live");
        assertThat(steps).hasSize(150);
        assertThat(steps).allSatisfy(step -> assertThat(step).isBetween(200L, 349L));
        assertThat(store().trainingRuns().find(ws, "live").orElseThrow().pointCount()).isEqualTo(350);
    }

    @Test
    public void aRunRecordKeepsTheMetricPointsItDeleted() {
        WorkspaceId ws = newWorkspace();
        RetentionRun run = new RetentionRun(NOW, NOW.plusSeconds(1), new RetentionCounts(1, 2, 3, 4, 5, 6), null);
        store().retention().recordRun(ws, run);
        store().retention().set(ws, List.of(new RetentionSetting(RetentionKind.TRAINING_METRICS, 90)));

        assertThat(store().retention().lastRun(ws)).contains(run);
        assertThat(store().retention().settings(ws)).containsExactly(new RetentionSetting(RetentionKind.TRAINING_METRICS, 90));
    }

    private void startRun(WorkspaceId ws, String runId, Instant startedAt) {
        store().trainingRuns().create(ws, runId, new NewTrainingRun(null, runId, null, TrainingType.FINE_TUNING, null,
                null, null, null), startedAt);
    }

    /** {@code count} points of "loss" at steps from {@code firstStep}, logged at {@code at} plus a second each (or without a time). */
    private static List<MetricSample> points(Instant at, int firstStep, int count) {
        List<MetricSample> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new MetricSample(firstStep + i, null, "loss", 1.0 / (firstStep + i + 1),
                    at == null ? null : at.plusSeconds(i)));
        }
        return points;
    }

    private List<Long> steps(WorkspaceId ws, String runId) {
        return store().trainingRuns().points(ws, runId, new MetricQuery(null, null, null, 10_000, null)).points().stream()
                .map(MetricSample::step).toList();
    }

    /** {@code count} traces "prefix-i", each with two LLM spans and one score, starting at {@code start}. */
    private static WorkspaceBatch interactions(WorkspaceId ws, String prefix, int count, Instant start) {
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            Instant at = start.plusSeconds(i);
            traces.add(trace(id, at));
            spans.add(llm(id + "-a", id, at, "gpt-4o", Usage.of(1000, 500), "0.01"));
            spans.add(llm(id + "-b", id, at.plusMillis(10), "gpt-4o", Usage.of(1000, 500), "0.01"));
            scores.add(score(id + "-score", id, at));
        }
        return new WorkspaceBatch(ws, traces, spans, scores, List.of());
    }

    private static Score score(String id, String traceId, Instant createdAt) {
        return new Score(id, traceId, null, "user_rating", 4.0, null, "fine", "user", "user-1", createdAt);
    }

    private static WorkspaceBatch sessions(WorkspaceId ws, Session... sessions) {
        return new WorkspaceBatch(ws, List.of(), List.of(), List.of(), List.of(sessions));
    }
}
