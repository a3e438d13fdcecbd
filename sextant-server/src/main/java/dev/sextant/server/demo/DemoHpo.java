package dev.sextant.server.demo;

import dev.sextant.analytics.hpo.HpoSuggester;
import dev.sextant.analytics.hpo.Suggestion;
import dev.sextant.server.demo.DemoDefinitions.HpoStudyRun;
import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoMethod;
import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoStudySpec;
import dev.sextant.store.hpo.HpoTrial;
import dev.sextant.store.hpo.HpoTrialSpec;
import dev.sextant.store.hpo.HpoTrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's two hyperparameter studies of the support bot, each run the way a training script
 * runs one: ask the study's own search ({@link HpoSuggester}, the same code as
 * {@code POST …/suggest}) for the next point, "train" at it, report the trial. The training is a
 * known function plus seeded noise, so what the analysis finds can be checked against it:
 * <ul>
 *   <li><b>Bayesian, 30 trials</b>, minimising the validation loss of the intent classifier's
 *       fine-tune: the learning rate matters most (a parabola in log10 around 4e-4), dropout some
 *       (around 0.15; below 0.08 the runs overfit), and {@code eval_batch_size} not at all (it
 *       only changes how evaluation is batched). Now and then a spot instance is reclaimed part-way
 *       (a failed trial without a score); a run whose loss is plainly bad (above 0.8) is pruned
 *       after two epochs, reporting its loss.</li>
 *   <li><b>Grid, 20 of its 25 points</b>, maximising intent accuracy over the number of few-shot
 *       examples (2-6) and the temperature (5 values from 0 to 1): more examples help up to five,
 *       a high temperature hurts. The last five points are left, so "Suggest next trial" has one.</li>
 * </ul>
 * Deterministic for the demo seed.
 */
final class DemoHpo {
    static final String INTENT_STUDY = "Intent classifier fine-tune: learning rate and dropout";
    static final String FEW_SHOT_STUDY = "Few-shot examples and temperature";

    private DemoHpo() {}

    static List<HpoStudyRun> all(long seed) {
        return List.of(bayesian(seed), grid(seed));
    }

    static HpoStudyRun bayesian(long seed) {
        HpoStudySpec spec = new HpoStudySpec(INTENT_STUDY, SupportBotStory.AGENT, HpoMethod.BAYESIAN, "validation_loss",
                HpoDirection.MINIMIZE,
                List.of(HpoParameter.floating("learning_rate", 1e-5, 1e-1, true), HpoParameter.floating("dropout", 0, 0.5, false),
                        HpoParameter.categorical("eval_batch_size", List.of(8L, 16L, 32L))),
                Map.of("learning_rate", 3e-3, "dropout", 0.3, "eval_batch_size", 16L), 0.463, seed + 11);
        DemoRandom random = new DemoRandom(seed * 31 + 11);
        return new HpoStudyRun(spec, run(spec, 30, hp -> {
            double lr = ((Number) hp.get("learning_rate")).doubleValue();
            double dropout = ((Number) hp.get("dropout")).doubleValue();
            double x = Math.log10(lr) + 3.4;
            double loss = 0.38 + 0.09 * x * x + 0.6 * (dropout - 0.15) * (dropout - 0.15) + random.normal(0, 0.006, -0.02, 0.02);
            int epoch = (int) Math.max(2, Math.min(20, Math.round(4 - 2.2 * (Math.log10(lr) + 3) + random.normal(0, 0.8, -2, 2))));
            double seconds = Math.round((epoch * 410 + random.normal(0, 40, -120, 120)) * 10) / 10.0;
            if (random.chance(0.08)) {
                // the spot instance was reclaimed part-way: no score, the time it had run
                return new HpoTrialSpec(hp, null, Math.round(seconds * 0.3 * 10) / 10.0, null, null, runId("lr", hp),
                        HpoTrialStatus.FAILED);
            }
            if (loss > 0.8) {
                return new HpoTrialSpec(hp, round(loss), Math.round(2 * 410 * 10) / 10.0, null, null, runId("lr", hp),
                        HpoTrialStatus.PRUNED);
            }
            return new HpoTrialSpec(hp, round(loss), seconds, epoch, dropout < 0.08, runId("lr", hp), HpoTrialStatus.COMPLETED);
        }));
    }

    static HpoStudyRun grid(long seed) {
        HpoStudySpec spec = new HpoStudySpec(FEW_SHOT_STUDY, SupportBotStory.AGENT, HpoMethod.GRID, "intent_accuracy",
                HpoDirection.MAXIMIZE,
                List.of(HpoParameter.integer("examples", 2, 6, false), HpoParameter.floating("temperature", 0, 1, false)),
                Map.of("examples", 2L, "temperature", 0.7), 0.781, seed + 12);
        DemoRandom random = new DemoRandom(seed * 31 + 12);
        return new HpoStudyRun(spec, run(spec, 20, hp -> {
            long examples = ((Number) hp.get("examples")).longValue();
            double t = ((Number) hp.get("temperature")).doubleValue();
            double accuracy = 0.78 + 0.02 * Math.min(examples, 5) - 0.08 * t * t + random.normal(0, 0.004, -0.01, 0.01);
            return new HpoTrialSpec(hp, round(accuracy), Math.round((40 + 6 * examples) * 10) / 10.0, null, null,
                    runId("fs", hp), HpoTrialStatus.COMPLETED);
        }));
    }

    /** Runs {@code count} trials, each at the point the study's search suggests after the ones before it. */
    private static List<HpoTrialSpec> run(HpoStudySpec spec, int count, java.util.function.Function<Map<String, Object>, HpoTrialSpec> train) {
        List<HpoTrial> done = new ArrayList<>();
        List<HpoTrialSpec> specs = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Suggestion s = HpoSuggester.next(spec, done);
            if (s.hyperparameters() == null) {
                break;
            }
            HpoTrialSpec trial = train.apply(new LinkedHashMap<>(s.hyperparameters()));
            specs.add(trial);
            done.add(new HpoTrial("demo-trial-" + n, n, trial, Instant.EPOCH));
        }
        return List.copyOf(specs);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static String runId(String prefix, Map<String, Object> hp) {
        return String.format(Locale.ROOT, "demo-%s-%08x", prefix, hp.hashCode());
    }
}
