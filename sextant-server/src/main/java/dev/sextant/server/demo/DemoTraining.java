package dev.sextant.server.demo;

import dev.sextant.store.training.DatasetRef;
import dev.sextant.store.training.MetricSample;
import dev.sextant.store.training.NewTrainingRun;
import dev.sextant.store.training.RunError;
import dev.sextant.store.training.RunResources;
import dev.sextant.store.training.TrainingRunStatus;
import dev.sextant.store.training.TrainingType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The demo's training runs (issue 7): six runs of the demo agents with seeded learning curves of a
 * few thousand points each — a healthy support-bot fine-tune, one that overfits after its first
 * epoch, one that failed with a CUDA out-of-memory error, a transfer-learning run of the code
 * assistant, a short few-shot run of the campaign orchestrator with gradient spikes, and a
 * support-bot fine-tune still running whose last points are from the minute before {@code now}.
 * Deterministic for a seed and a {@code now}; nothing here talks to the store.
 */
public final class DemoTraining {
    /** Dollars per GPU hour the demo's resources are priced at (an A100 on demand, about). */
    static final double USD_PER_GPU_HOUR = 2.5;

    /** One run: what it started with, its points, its resources, and how it ended ({@code end} null: still running). */
    public record Run(String id, NewTrainingRun spec, Instant startedAt, List<MetricSample> points, RunResources resources,
            End end) {
        public Run {
            Objects.requireNonNull(id, "id");
            points = List.copyOf(points);
        }
    }

    /** How a finished run ended. */
    public record End(TrainingRunStatus status, RunError error, Instant at) {}

    private DemoTraining() {}

    /** The demo's runs for a window ending at {@code now}, oldest first. */
    public static List<Run> runs(Instant now, long seed) {
        Objects.requireNonNull(now, "now must not be null");
        DemoRandom random = new DemoRandom(seed * 0x9E3779B97F4A7C15L + 7);
        List<Run> runs = new ArrayList<>();
        runs.add(healthy(now.minus(Duration.ofDays(24)), random));
        runs.add(overfitting(now.minus(Duration.ofDays(17)), random));
        runs.add(outOfMemory(now.minus(Duration.ofDays(12)), random));
        runs.add(transfer(now.minus(Duration.ofDays(8)), random));
        runs.add(fewShot(now.minus(Duration.ofDays(4)), random));
        runs.add(running(now, random));
        return List.copyOf(runs);
    }

    /** support-bot v3: three epochs of 1,000 steps, validation every 50 steps, converges cleanly. */
    private static Run healthy(Instant start, DemoRandom r) {
        Curve c = new Curve(2.45, 0.62, 180, 0.85, 0.06, 0.04, 0, 0, 1000);
        NewTrainingRun spec = spec(SupportBotStory.AGENT, "support-bot v3 sft (tickets 2026-10)", "llama-3.1-8b-instruct",
                TrainingType.FINE_TUNING, 2e-5, 16, 3, 100, 4, "support-tickets-2026-10", 48_000, 3000);
        Duration perStep = Duration.ofMillis(4_300);
        List<MetricSample> points = c.points(start, perStep, 3000, 2, 50, 100, lr(spec), r, List.of());
        Instant end = start.plus(perStep.multipliedBy(3000)).plusSeconds(90);
        return new Run("sft-support-v3", spec, start, points, resources(start, end, 4, 61.2, 196_000_000L),
                new End(TrainingRunStatus.COMPLETED, null, end));
    }

    /** support-bot v4 on a small, narrow set: four epochs, validation loss turns up during the second. */
    private static Run overfitting(Instant start, DemoRandom r) {
        Curve c = new Curve(2.40, 0.35, 120, 0.9, 0.05, 0.03, 1300, 0.00011, 750);
        NewTrainingRun spec = spec(SupportBotStory.AGENT, "support-bot v4 sft (escalations only)", "llama-3.1-8b-instruct",
                TrainingType.FINE_TUNING, 5e-5, 8, 4, 50, 2, "support-escalations", 6_000, 3000);
        Duration perStep = Duration.ofMillis(3_100);
        List<MetricSample> points = c.points(start, perStep, 3000, 2, 50, 50, lr(spec), r, List.of());
        Instant end = start.plus(perStep.multipliedBy(3000)).plusSeconds(60);
        return new Run("sft-support-v4", spec, start, points, resources(start, end, 2, 44.8, 61_000_000L),
                new End(TrainingRunStatus.COMPLETED, null, end));
    }

    /** support-bot v4 with a batch twice as large: out of GPU memory at step 640. */
    private static Run outOfMemory(Instant start, DemoRandom r) {
        Curve c = new Curve(2.45, 0.6, 180, 0.85, 0.06, 0.04, 0, 0, 1000);
        NewTrainingRun spec = spec(SupportBotStory.AGENT, "support-bot v4 sft (batch 64)", "llama-3.1-8b-instruct",
                TrainingType.FINE_TUNING, 4e-5, 64, 3, 100, 1, "support-tickets-2026-11", 52_000, 2400);
        Duration perStep = Duration.ofMillis(9_800);
        List<MetricSample> points = c.points(start, perStep, 640, 1, 80, 100, lr(spec), r, List.of());
        Instant end = start.plus(perStep.multipliedBy(641));
        RunError oom = new RunError("torch.cuda.OutOfMemoryError",
                "CUDA out of memory. Tried to allocate 2.50 GiB. GPU 0 has a total capacity of 79.15 GiB of which"
                        + " 1.12 GiB is free. Of the allocated memory 75.31 GiB is allocated by PyTorch.",
                """
                Traceback (most recent call last):
                  File "train.py", line 212, in <module>
                    trainer.train()
                  File "transformers/trainer.py", line 1938, in train
                    return inner_training_loop(
                  File "transformers/trainer.py", line 2279, in _inner_training_loop
                    tr_loss_step = self.training_step(model, inputs)
                  File "torch/autograd/__init__.py", line 266, in backward
                    Variable._execution_engine.run_backward(
                torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB.""");
        return new Run("sft-support-v4-b64", spec, start, points, resources(start, end, 4, 79.1, 42_000_000L),
                new End(TrainingRunStatus.FAILED, oom, end));
    }

    /** code-assistant: a code model adapted to the team's repositories; starts low, converges fast. */
    private static Run transfer(Instant start, DemoRandom r) {
        Curve c = new Curve(1.35, 0.48, 90, 1.0, 0.04, 0.025, 0, 0, 800);
        NewTrainingRun spec = spec(CodeAssistantStory.AGENT, "code-assistant: adapt to internal repos",
                "qwen2.5-coder-7b", TrainingType.TRANSFER_LEARNING, 1e-4, 32, 2, 80, 2, "internal-repos-patches",
                24_000, 2000);
        Duration perStep = Duration.ofMillis(5_200);
        List<MetricSample> points = c.points(start, perStep, 2000, 1, 40, 80, lr(spec), r, List.of());
        Instant end = start.plus(perStep.multipliedBy(2000)).plusSeconds(45);
        return new Run("tl-code-repos", spec, start, points, resources(start, end, 2, 52.3, 88_000_000L),
                new End(TrainingRunStatus.COMPLETED, null, end));
    }

    /** campaign orchestrator: 1,500 short steps on a few hundred curated examples; two gradient spikes. */
    private static Run fewShot(Instant start, DemoRandom r) {
        Curve c = new Curve(1.9, 0.9, 60, 0.8, 0.09, 0.05, 0, 0, 500);
        NewTrainingRun spec = spec(CampaignStory.ORCHESTRATOR, "campaign briefs: few-shot curation", "gemini-1.5-flash-002",
                TrainingType.FEW_SHOT, 3e-4, 4, 3, 20, 1, "campaign-briefs-curated", 420, 1500);
        Duration perStep = Duration.ofMillis(1_900);
        List<MetricSample> points = c.points(start, perStep, 1500, 1, 25, 20, lr(spec), r, List.of(410L, 980L));
        Instant end = start.plus(perStep.multipliedBy(1500)).plusSeconds(20);
        return new Run("fs-campaign-briefs", spec, start, points, resources(start, end, 1, 18.4, 3_100_000L),
                new End(TrainingRunStatus.COMPLETED, null, end));
    }

    /** support-bot v5, still training: 2,600 of 4,000 steps, the last point a minute before {@code now}. */
    private static Run running(Instant now, DemoRandom r) {
        Curve c = new Curve(2.45, 0.55, 200, 0.85, 0.06, 0.04, 0, 0, 1300);
        NewTrainingRun spec = spec(SupportBotStory.AGENT, "support-bot v5 sft (tickets + escalations)",
                "llama-3.1-8b-instruct", TrainingType.FINE_TUNING, 2e-5, 16, 3, 120, 4, "support-tickets-2026-11", 58_000,
                4000);
        Duration perStep = Duration.ofMillis(4_500);
        int steps = 2600;
        Instant start = now.minus(Duration.ofMinutes(1)).minus(perStep.multipliedBy(steps));
        List<MetricSample> points = c.points(start, perStep, steps, 2, 50, 120, lr(spec), r, List.of());
        return new Run("sft-support-v5", spec, start, points, resources(start, now, 4, 60.7, 171_000_000L), null);
    }

    private static NewTrainingRun spec(String agent, String name, String baseModel, TrainingType type, double learningRate,
            int batchSize, int epochs, int warmup, int accumulation, String dataset, long datasetSize, long totalSteps) {
        Map<String, Object> hp = new LinkedHashMap<>();
        hp.put("learning_rate", learningRate);
        hp.put("batch_size", batchSize);
        hp.put("epochs", epochs);
        hp.put("warmup_steps", warmup);
        hp.put("gradient_accumulation_steps", accumulation);
        hp.put("scheduler", "cosine");
        hp.put("weight_decay", 0.01);
        hp.put("lora_rank", type == TrainingType.FEW_SHOT ? null : 16);
        hp.values().removeIf(Objects::isNull);
        return new NewTrainingRun(agent, name, baseModel, type, hp,
                new DatasetRef(dataset, dataset.replace('-', ' '), datasetSize, "s3://sextant-demo/datasets/" + dataset + ".jsonl",
                        "train"),
                totalSteps, Map.of("team", agent.startsWith("support") ? "support" : agent.startsWith("code") ? "devex"
                        : "marketing", "demo", "true"));
    }

    private static double lr(NewTrainingRun spec) {
        return ((Number) spec.hyperparameters().get("learning_rate")).doubleValue();
    }

    private static RunResources resources(Instant start, Instant end, int gpus, double peakMemoryGb, long tokens) {
        double hours = Duration.between(start, end).toSeconds() / 3600.0 * gpus;
        double gpuHours = Math.round(hours * 100) / 100.0;
        BigDecimal cost = BigDecimal.valueOf(gpuHours * USD_PER_GPU_HOUR).setScale(2, RoundingMode.HALF_UP);
        return new RunResources(gpuHours, peakMemoryGb, cost, tokens);
    }

    /**
     * A learning curve: training loss {@code floor + (start - floor) * (1 + step / scale)^-power} with
     * Gaussian noise, validation loss the same plus a gap, rising by {@code overfitSlope} per step
     * after {@code overfitFrom} (0: never); {@code stepsPerEpoch} numbers the epochs.
     */
    private record Curve(double start, double floor, double scale, double power, double trainNoise, double gap,
            long overfitFrom, double overfitSlope, long stepsPerEpoch) {

        double trainLoss(long step) {
            return floor + (start - floor) * Math.pow(1 + step / scale, -power);
        }

        List<MetricSample> points(Instant begin, Duration perStep, int steps, int every, int evalEvery, int warmup,
                double peakLr, DemoRandom r, List<Long> spikes) {
            List<MetricSample> out = new ArrayList<>();
            for (long step = every; step <= steps; step += every) {
                Instant at = begin.plus(perStep.multipliedBy(step));
                double epoch = Math.round((double) step / stepsPerEpoch * 1000) / 1000.0;
                double loss = trainLoss(step);
                double train = Math.max(0.01, loss * (1 + trainNoise * r.gaussian()));
                double lr = step < warmup ? peakLr * step / warmup
                        : peakLr * 0.5 * (1 + Math.cos(Math.PI * (step - warmup) / Math.max(1, steps - warmup)));
                // bounded noise around a steady norm: a robust z-score over the run flags only the planted spikes
                double grad = 0.8 * (1 + r.uniform(-0.15, 0.15));
                for (long spike : spikes) {
                    if (Math.abs(step - spike) < every) {
                        grad *= 14;
                    }
                }
                out.add(new MetricSample(step, epoch, "train_loss", round(train), at));
                out.add(new MetricSample(step, epoch, "learning_rate", lr, at));
                out.add(new MetricSample(step, epoch, "grad_norm", round(grad), at));
                if (step % evalEvery == 0) {
                    double val = loss + gap + (overfitFrom > 0 && step > overfitFrom ? overfitSlope * (step - overfitFrom) : 0);
                    out.add(new MetricSample(step, epoch, "val_loss", round(val * (1 + 0.008 * r.gaussian())), at));
                    out.add(new MetricSample(step, epoch, "eval_accuracy",
                            round(Math.min(0.99, 0.95 - 0.35 * (val - floor) / start)), at));
                }
                if (step % 100 == 0) {
                    out.add(new MetricSample(step, epoch, "tokens_per_second", Math.round(2400 * (1 + 0.05 * r.gaussian())), at));
                }
            }
            return out;
        }

        private static double round(double v) {
            return Math.round(v * 100_000) / 100_000.0;
        }
    }
}
