package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import dev.sextant.store.training.AppendResult;
import dev.sextant.store.training.DatasetRef;
import dev.sextant.store.training.DownsampleQuery;
import dev.sextant.store.training.MetricBucket;
import dev.sextant.store.training.MetricPage;
import dev.sextant.store.training.MetricQuery;
import dev.sextant.store.training.MetricSample;
import dev.sextant.store.training.MetricSeries;
import dev.sextant.store.training.NewTrainingRun;
import dev.sextant.store.training.RunError;
import dev.sextant.store.training.RunFinishedException;
import dev.sextant.store.training.RunResources;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunPage;
import dev.sextant.store.training.TrainingRunQuery;
import dev.sextant.store.training.TrainingRunStatus;
import dev.sextant.store.training.TrainingRunStore;
import dev.sextant.store.training.TrainingType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Training runs and their metric points: every field round-trips, NaN and infinities survive,
 * reads page and downsample exactly (checked against a computation in Java), finished runs take
 * no more points, and another workspace sees none of it.
 */
public abstract class TrainingRunContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00.123456Z");

    private TrainingRunStore runs() {
        return store().trainingRuns();
    }

    static NewTrainingRun spec(String agent, TrainingType type) {
        Map<String, Object> hp = new LinkedHashMap<>();
        hp.put("learning_rate", 1e-4);
        hp.put("batch_size", 32);
        hp.put("epochs", 3);
        hp.put("warmup_steps", 100);
        hp.put("gradient_accumulation_steps", 4);
        hp.put("optimizer", "adamw ü 🚀");
        hp.put("lora", Map.of("r", 8, "alpha", 16.5));
        return new NewTrainingRun(agent, "sft on tickets", "llama-3-8b", type, hp,
                new DatasetRef("ds-1", "tickets", 12_000L, "s3://bucket/tickets.jsonl", "train"), 3000L,
                Map.of("team", "support", "git_sha", "abc123"));
    }

    @Test
    public void runsRoundTripWithEveryField() {
        WorkspaceId ws = newWorkspace();
        TrainingRun a = runs().create(ws, "my-run", spec("bot", TrainingType.FINE_TUNING), T0);
        TrainingRun b = runs().create(ws, null, new NewTrainingRun(null, null, null, TrainingType.FEW_SHOT, null, null,
                null, null), null);
        assertThat(a.id()).isEqualTo("my-run");
        assertThat(a.spec()).isEqualTo(spec("bot", TrainingType.FINE_TUNING));
        assertThat(a.status()).isEqualTo(TrainingRunStatus.RUNNING);
        assertThat(a.startedAt()).isEqualTo(T0);
        assertThat(a.pointCount()).isZero();
        assertThat(a.lastStep()).isNull();
        assertThat(a.resources()).isEqualTo(RunResources.NONE);
        assertThat(a.error()).isNull();
        assertThat(b.id()).startsWith("run_");
        assertThat(b.spec().hyperparameters()).isEmpty();
        assertThat(b.spec().dataset()).isNull();
        assertThat(b.startedAt()).isEqualTo(b.createdAt());
        assertThat(runs().find(ws, "my-run")).contains(a);
        assertThat(runs().find(ws, b.id())).contains(b);
        assertThatThrownBy(() -> runs().create(ws, "my-run", spec("x", TrainingType.REINFORCEMENT), null))
                .isInstanceOf(ConflictException.class).hasMessage("training run 'my-run' already exists in this workspace");
        assertThat(runs().find(ws, "my-run")).contains(a);
    }

    @Test
    public void listFiltersNewestFirstAndPages() {
        WorkspaceId ws = newWorkspace();
        List<TrainingRun> made = new ArrayList<>();
        made.add(runs().create(ws, "r1", spec("bot-a", TrainingType.FINE_TUNING), null));
        made.add(runs().create(ws, "r2", spec("bot-a", TrainingType.REINFORCEMENT), null));
        made.add(runs().create(ws, "r3", spec("bot-b", TrainingType.FINE_TUNING), null));
        made.add(runs().create(ws, "r4", spec("bot-a", TrainingType.FINE_TUNING), null));
        runs().finish(ws, "r4", TrainingRunStatus.COMPLETED, null, T0);
        List<String> newest = made.stream().sorted(Comparator.comparing(TrainingRun::createdAt)
                .thenComparing(TrainingRun::id).reversed()).map(TrainingRun::id).toList();

        TrainingRunPage first = runs().list(ws, new TrainingRunQuery(null, null, null, 3, null));
        assertThat(first.runs()).extracting(TrainingRun::id).containsExactlyElementsOf(newest.subList(0, 3));
        assertThat(first.nextCursor()).isNotNull();
        TrainingRunPage second = runs().list(ws, new TrainingRunQuery(null, null, null, 3, first.nextCursor()));
        assertThat(second.runs()).extracting(TrainingRun::id).containsExactlyElementsOf(newest.subList(3, 4));
        assertThat(second.nextCursor()).isNull();

        assertThat(runs().list(ws, new TrainingRunQuery("bot-a", TrainingRunStatus.RUNNING, TrainingType.FINE_TUNING,
                10, null)).runs()).extracting(TrainingRun::id).containsExactly("r1");
        assertThat(runs().list(ws, new TrainingRunQuery(null, TrainingRunStatus.COMPLETED, null, 10, null)).runs())
                .extracting(TrainingRun::id).containsExactly("r4");
        assertThat(runs().list(ws, new TrainingRunQuery(null, null, TrainingType.REINFORCEMENT, 10, null)).runs())
                .extracting(TrainingRun::id).containsExactly("r2");
        assertThatThrownBy(() -> runs().list(ws, new TrainingRunQuery(null, null, null, 3, "bm90LWEtY3Vyc29y")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void pointsReadBackExactlyInStepOrderWithNaNAndInfinities() {
        WorkspaceId ws = newWorkspace();
        runs().create(ws, "p", spec("bot", TrainingType.FINE_TUNING), null);
        List<MetricSample> batch = List.of(
                new MetricSample(10, 0.1, "train_loss", 2.5, T0),
                new MetricSample(10, 0.1, "val_loss", Double.NaN, T0),
                new MetricSample(20, 0.2, "train_loss", Double.POSITIVE_INFINITY, T0.plusSeconds(1)),
                new MetricSample(5, null, "train_loss", Double.NEGATIVE_INFINITY, null),
                new MetricSample(20, 0.2, "grad_norm", 1.25, T0.plusSeconds(1)));
        assertThat(runs().append(ws, "p", batch)).contains(new AppendResult(5, 1, 20));
        assertThat(runs().append(ws, "p", List.of(new MetricSample(15, 0.15, "train_loss", 2.0, T0.plusSeconds(2)),
                new MetricSample(10, 0.1, "train_loss", 2.4, T0.plusSeconds(3))))).contains(new AppendResult(2, 2, 20));
        TrainingRun run = runs().find(ws, "p").orElseThrow();
        assertThat(run.pointCount()).isEqualTo(7);
        assertThat(run.lastStep()).isEqualTo(20);

        MetricPage all = runs().points(ws, "p", new MetricQuery(List.of(), null, null, 100, null));
        assertThat(all.nextCursor()).isNull();
        assertThat(all.points()).containsExactly(
                new MetricSample(5, null, "train_loss", Double.NEGATIVE_INFINITY, null),
                new MetricSample(10, 0.1, "train_loss", 2.5, T0),
                new MetricSample(10, 0.1, "val_loss", Double.NaN, T0),
                new MetricSample(10, 0.1, "train_loss", 2.4, T0.plusSeconds(3)),
                new MetricSample(15, 0.15, "train_loss", 2.0, T0.plusSeconds(2)),
                new MetricSample(20, 0.2, "train_loss", Double.POSITIVE_INFINITY, T0.plusSeconds(1)),
                new MetricSample(20, 0.2, "grad_norm", 1.25, T0.plusSeconds(1)));
        assertThat(runs().points(ws, "p", new MetricQuery(List.of("train_loss"), 10L, 15L, 100, null)).points())
                .extracting(MetricSample::value).containsExactly(2.5, 2.4, 2.0);

        List<MetricSample> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MetricPage page = runs().points(ws, "p", new MetricQuery(List.of(), null, null, 2, cursor));
            paged.addAll(page.points());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(4);
        assertThat(paged).isEqualTo(all.points());
    }

    @Test
    public void downsamplingMatchesAComputationInJava() {
        WorkspaceId ws = newWorkspace();
        runs().create(ws, "d", spec("bot", TrainingType.FINE_TUNING), null);
        List<MetricSample> points = new ArrayList<>();
        for (int step = 3; step <= 1000; step++) {
            double loss = step % 97 == 0 ? Double.NaN : 3.0 / Math.sqrt(step) + (step % 7) * 0.01;
            points.add(new MetricSample(step, step / 100.0, "train_loss", loss, T0.plusSeconds(step)));
            if (step % 50 == 0) {
                points.add(new MetricSample(step, step / 100.0, "val_loss", 3.5 / Math.sqrt(step), T0.plusSeconds(step)));
            }
        }
        runs().append(ws, "d", points);
        int n = 7;
        List<MetricSeries> series = runs().downsampled(ws, "d", new DownsampleQuery(List.of("val_loss", "train_loss"),
                null, null, n));
        assertThat(series).extracting(MetricSeries::name).containsExactly("train_loss", "val_loss");
        long lo = 3;
        long hi = 1000;
        long width = (hi - lo) / n + 1;
        for (MetricSeries s : series) {
            List<MetricBucket> expected = new ArrayList<>();
            for (long b = 0; b < n; b++) {
                long from = lo + b * width;
                List<MetricSample> in = points.stream().filter(p -> p.name().equals(s.name())
                        && p.step() >= from && p.step() < from + width).toList();
                if (in.isEmpty()) {
                    continue;
                }
                double[] finite = in.stream().mapToDouble(MetricSample::value).filter(Double::isFinite).toArray();
                MetricSample last = in.getLast();
                expected.add(new MetricBucket(b, in.getFirst().step(), last.step(), in.size(), in.size() - finite.length,
                        java.util.Arrays.stream(finite).min().orElseThrow(), java.util.Arrays.stream(finite).max().orElseThrow(),
                        null, last.value(), last.timestamp()));
            }
            assertThat(s.buckets()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                MetricBucket e = expected.get(i);
                MetricBucket got = s.buckets().get(i);
                double mean = points.stream().filter(p -> p.name().equals(s.name()) && p.step() >= got.firstStep()
                        && p.step() <= got.lastStep() && Double.isFinite(p.value())).mapToDouble(MetricSample::value)
                        .average().orElseThrow();
                assertThat(got).usingRecursiveComparison().ignoringFields("mean").isEqualTo(e);
                assertThat(got.mean()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        assertThat(series.getFirst().buckets().stream().mapToLong(MetricBucket::nonFinite).sum()).isEqualTo(10);
        List<MetricSeries> window = runs().downsampled(ws, "d", new DownsampleQuery(List.of("val_loss"), 100L, 200L, 1000));
        assertThat(window.getFirst().buckets()).extracting(MetricBucket::lastStep).containsExactly(100L, 150L, 200L);
    }

    @Test
    public void aFinishedRunTakesNoMorePointsAndIsFinishedOnce() {
        WorkspaceId ws = newWorkspace();
        runs().create(ws, "f", spec("bot", TrainingType.FINE_TUNING), null);
        runs().append(ws, "f", List.of(new MetricSample(1, null, "train_loss", 1.0, T0)));
        RunError error = new RunError("CUDA OOM", "out of memory ü", "Traceback (most recent call last):\n  line 1");
        TrainingRun failed = runs().finish(ws, "f", TrainingRunStatus.FAILED, error, T0.plusSeconds(60)).orElseThrow();
        assertThat(failed.status()).isEqualTo(TrainingRunStatus.FAILED);
        assertThat(failed.error()).isEqualTo(error);
        assertThat(failed.endedAt()).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> runs().append(ws, "f", List.of(new MetricSample(2, null, "train_loss", 1.0, T0))))
                .isInstanceOf(RunFinishedException.class)
                .hasMessage("training run 'f' is failed; metrics are logged only to a running run");
        assertThatThrownBy(() -> runs().finish(ws, "f", TrainingRunStatus.COMPLETED, null, T0))
                .isInstanceOfSatisfying(RunFinishedException.class, e -> assertThat(e.status()).isEqualTo(TrainingRunStatus.FAILED));
        assertThat(runs().find(ws, "f")).contains(failed);
        assertThat(runs().points(ws, "f", new MetricQuery(null, null, null, 10, null)).points()).hasSize(1);
        assertThat(runs().append(ws, "nope", List.of())).isEmpty();
        assertThat(runs().finish(ws, "nope", TrainingRunStatus.STOPPED, null, T0)).isEmpty();
    }

    @Test
    public void resourcesTagsAndParams() {
        WorkspaceId ws = newWorkspace();
        runs().create(ws, "x", spec("bot", TrainingType.TRANSFER_LEARNING), null);
        RunResources used = new RunResources(12.5, 38.2, new BigDecimal("41.250000000"), 9_000_000_000L);
        assertThat(runs().setResources(ws, "x", used).orElseThrow().resources()).isEqualTo(used);
        assertThat(runs().setTags(ws, "x", Map.of("team", "ml", "new", "tag")).orElseThrow().spec().tags())
                .isEqualTo(Map.of("team", "ml", "new", "tag", "git_sha", "abc123"));
        assertThat(runs().setParam(ws, "x", "seed", "42").orElseThrow().spec().hyperparameters()).containsEntry("seed", "42");
        assertThat(runs().setParam(ws, "x", "batch_size", "32")).isPresent();
        assertThatThrownBy(() -> runs().setParam(ws, "x", "batch_size", "64")).isInstanceOf(ConflictException.class)
                .hasMessage("parameter 'batch_size' of training run 'x' is already 32; a parameter cannot change once set");
        assertThat(runs().find(ws, "x").orElseThrow().spec().hyperparameters()).containsEntry("batch_size", 32);
        runs().finish(ws, "x", TrainingRunStatus.COMPLETED, null, T0);
        assertThat(runs().setResources(ws, "x", RunResources.NONE).orElseThrow().resources()).isEqualTo(RunResources.NONE);
    }

    @Test
    public void anotherWorkspaceSeesNothingOfARun() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        runs().create(ws, "mine", spec("bot", TrainingType.FINE_TUNING), null);
        runs().append(ws, "mine", List.of(new MetricSample(1, null, "train_loss", 1.0, T0)));
        assertThat(runs().find(other, "mine")).isEmpty();
        assertThat(runs().list(other, new TrainingRunQuery(null, null, null, 10, null)).runs()).isEmpty();
        assertThat(runs().points(other, "mine", new MetricQuery(null, null, null, 10, null)).points()).isEmpty();
        assertThat(runs().downsampled(other, "mine", new DownsampleQuery(null, null, null, 10))).isEmpty();
        assertThat(runs().append(other, "mine", List.of(new MetricSample(2, null, "train_loss", 1.0, T0)))).isEmpty();
        assertThat(runs().setResources(other, "mine", RunResources.NONE)).isEmpty();
        assertThat(runs().setTags(other, "mine", Map.of("a", "b"))).isEmpty();
        assertThat(runs().setParam(other, "mine", "a", "b")).isEmpty();
        assertThat(runs().finish(other, "mine", TrainingRunStatus.STOPPED, null, T0)).isEmpty();
        TrainingRun mine = runs().find(ws, "mine").orElseThrow();
        assertThat(mine.status()).isEqualTo(TrainingRunStatus.RUNNING);
        assertThat(mine.pointCount()).isEqualTo(1);
        assertThat(mine.spec().tags()).doesNotContainKey("a");
        assertThat(runs().create(other, "mine", spec("bot", TrainingType.FINE_TUNING), null).id()).isEqualTo("mine");
    }
}
