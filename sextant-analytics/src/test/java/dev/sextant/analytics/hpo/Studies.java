package dev.sextant.analytics.hpo;

import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoMethod;
import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoStudySpec;
import dev.sextant.store.hpo.HpoTrial;
import dev.sextant.store.hpo.HpoTrialSpec;
import dev.sextant.store.hpo.HpoTrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Synthetic studies: a noisy quadratic in log10(learning_rate) and an irrelevant dropout. */
final class Studies {
    static final List<HpoParameter> SPACE = List.of(HpoParameter.floating("learning_rate", 1e-5, 1e-1, true),
            HpoParameter.floating("dropout", 0, 0.5, false));

    private Studies() {}

    static HpoStudySpec study(HpoMethod method, long seed) {
        return new HpoStudySpec("lr", null, method, "validation_loss", HpoDirection.MINIMIZE, SPACE, null, null, seed);
    }

    /** The true (noise-free) loss: minimal (0) at learning_rate 1e-3, flat in dropout. */
    static double loss(Map<String, Object> h) {
        double l = Math.log10(((Number) h.get("learning_rate")).doubleValue()) + 3;
        return l * l;
    }

    static HpoTrial trial(long number, Map<String, Object> h, double score) {
        return new HpoTrial("t" + number, number, new HpoTrialSpec(h, score, null, null, null, null, HpoTrialStatus.COMPLETED),
                Instant.EPOCH);
    }

    /** Runs a study sequentially for {@code n} trials, scoring each with the true loss plus N(0, noise²). */
    static List<HpoTrial> run(HpoStudySpec study, int n, double noise, long noiseSeed, ToDoubleFunction<Map<String, Object>> f) {
        Random random = new Random(noiseSeed);
        List<HpoTrial> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> h = HpoSuggester.next(study, trials).hyperparameters();
            trials.add(trial(i + 1, h, f.applyAsDouble(h) + noise * random.nextGaussian()));
        }
        return trials;
    }

    /** The true loss of the trial with the best observed score. */
    static double trueLossOfBest(List<HpoTrial> trials) {
        HpoTrial best = trials.stream().min((a, b) -> Double.compare(a.spec().score(), b.spec().score())).orElseThrow();
        return loss(best.spec().hyperparameters());
    }
}
