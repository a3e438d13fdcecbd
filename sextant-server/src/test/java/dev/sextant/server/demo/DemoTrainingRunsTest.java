package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.training.MetricPoint;
import dev.sextant.analytics.training.RunQuality;
import dev.sextant.analytics.training.RunQualityReport;
import dev.sextant.store.training.MetricSample;
import dev.sextant.store.training.TrainingRunStatus;
import dev.sextant.store.training.TrainingType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo's training runs say what the story says, judged by the same quality analysis the API
 * runs: the healthy run neither overfits nor is unstable, the escalations run overfits, the batch-64
 * run failed out of memory, the few-shot run has gradient spikes, and the last run is still running
 * with a point from the minute before now. Same seed, same runs.
 */
class DemoTrainingRunsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T15:04:05Z");

    private static Map<String, DemoTraining.Run> runs() {
        return DemoTraining.runs(NOW, 42).stream().collect(Collectors.toMap(DemoTraining.Run::id, Function.identity()));
    }

    private static RunQualityReport quality(DemoTraining.Run run) {
        List<MetricPoint> points = run.points().stream()
                .map(s -> new MetricPoint(s.step(), s.epoch() == null ? Double.NaN : s.epoch(), s.name(), s.value())).toList();
        return RunQuality.analyze(points, run.resources().gpuHours());
    }

    @Test
    void sixRunsOfTheDemoAgentsWithAFewThousandPointsEach() {
        List<DemoTraining.Run> runs = DemoTraining.runs(NOW, 42);
        assertThat(runs).hasSize(6);
        assertThat(runs).extracting(r -> r.spec().agentId()).contains(SupportBotStory.AGENT, CodeAssistantStory.AGENT,
                CampaignStory.ORCHESTRATOR);
        assertThat(runs).extracting(r -> r.spec().trainingType()).contains(TrainingType.FINE_TUNING,
                TrainingType.TRANSFER_LEARNING, TrainingType.FEW_SHOT);
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.points().size()).as(r.id()).isBetween(1_000, 20_000);
            assertThat(r.resources().gpuHours()).as(r.id()).isPositive();
            assertThat(r.startedAt()).as(r.id()).isBefore(NOW).isAfter(NOW.minus(Duration.ofDays(28)));
        });
    }

    @Test
    void theSameSeedGivesTheSameRuns() {
        assertThat(DemoTraining.runs(NOW, 42)).isEqualTo(DemoTraining.runs(NOW, 42));
        assertThat(DemoTraining.runs(NOW, 43).getFirst().points()).isNotEqualTo(DemoTraining.runs(NOW, 42).getFirst().points());
    }

    @Test
    void theHealthyRunNeitherOverfitsNorIsUnstable() {
        RunQualityReport q = quality(runs().get("sft-support-v3"));
        assertThat(q.overfitting().overfitting()).isFalse();
        assertThat(q.stability().gradientSpikes()).isEmpty();
        assertThat(q.stability().nanCount()).isZero();
        assertThat(runs().get("sft-support-v3").end().status()).isEqualTo(TrainingRunStatus.COMPLETED);
    }

    @Test
    void theEscalationsRunOverfitsAndWastesItsLastEpochs() {
        RunQualityReport q = quality(runs().get("sft-support-v4"));
        assertThat(q.overfitting().overfitting()).isTrue();
        assertThat(q.overtraining().overtrained()).isTrue();
        assertThat(q.overtraining().wastedGpuHours()).isPositive();
    }

    @Test
    void theBatch64RunFailedOutOfMemory() {
        DemoTraining.Run run = runs().get("sft-support-v4-b64");
        assertThat(run.end().status()).isEqualTo(TrainingRunStatus.FAILED);
        assertThat(run.end().error().type()).isEqualTo("torch.cuda.OutOfMemoryError");
        assertThat(run.end().error().traceback()).contains("Traceback");
        assertThat(run.points().stream().mapToLong(MetricSample::step).max().orElseThrow()).isLessThan(run.spec().totalSteps());
    }

    @Test
    void theFewShotRunHasGradientSpikes() {
        assertThat(quality(runs().get("fs-campaign-briefs")).stability().gradientSpikes()).isNotEmpty();
    }

    @Test
    void theLastRunIsStillRunningWithAPointFromTheMinuteBeforeNow() {
        DemoTraining.Run run = runs().get("sft-support-v5");
        assertThat(run.end()).isNull();
        Instant last = run.points().stream().map(MetricSample::timestamp).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(last).isBetween(NOW.minus(Duration.ofMinutes(2)), NOW);
        assertThat(run.points().stream().mapToLong(MetricSample::step).max().orElseThrow()).isLessThan(run.spec().totalSteps());
    }
}
