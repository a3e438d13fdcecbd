package dev.sextant.server.experiments;

import dev.sextant.analytics.experiments.PowerAnalysis;
import dev.sextant.analytics.experiments.PowerAnalysis.EffectKind;
import dev.sextant.store.ExperimentSpec;

/**
 * The units per variant an experiment needs by its own settings: its primary metric must be a
 * rate, with a baseline (stored, or given with the request) and a minimum detectable effect
 * (absolute); otherwise no number and a note saying what is missing.
 */
record SampleSizePlan(Long perVariant, Long total, Double baseline, String note) {

    static SampleSizePlan of(ExperimentSpec spec, Double givenBaseline) {
        String primary = spec.successMetrics().getFirst();
        Double baseline = givenBaseline != null ? givenBaseline : spec.baseline();
        if (!ExperimentMetrics.isRate(primary)) {
            return none(baseline, "the primary metric " + primary + " is a mean; use GET /api/v1/experiments/power with"
                    + " its standard deviation (sd)");
        }
        if (spec.minimumDetectableEffect() == null) {
            return none(baseline, "set minimum_detectable_effect to compute it");
        }
        if (baseline == null) {
            return none(null, "set baseline (the primary rate's current value) or pass ?baseline= to compute it");
        }
        try {
            PowerAnalysis.SampleSize n = PowerAnalysis.proportions(baseline, spec.minimumDetectableEffect(),
                    EffectKind.ABSOLUTE, spec.alpha(), spec.power(), spec.variants().size());
            return new SampleSizePlan(n.perVariant(), n.total(), baseline, null);
        } catch (IllegalArgumentException e) {
            return none(baseline, e.getMessage());
        }
    }

    private static SampleSizePlan none(Double baseline, String note) {
        return new SampleSizePlan(null, null, baseline, note);
    }
}
