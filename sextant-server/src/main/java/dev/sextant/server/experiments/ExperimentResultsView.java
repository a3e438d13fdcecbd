package dev.sextant.server.experiments;

import dev.sextant.analytics.experiments.ExperimentPlan;
import dev.sextant.analytics.experiments.ExperimentResult;
import dev.sextant.analytics.experiments.SampleRatioMismatch;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/experiments/{id}/results} as the API answers it (snake_case by the server's
 * Jackson settings; a figure that cannot be computed is null, never NaN or Infinity).
 */
record ExperimentResultsView(String experimentId, String unit, Instant start, Instant until, int days,
        String controlId, double alpha, String correction, long minimumSamplePerVariant,
        double minimumDetectableEffect, List<VariantView> variants, List<ComparisonView> comparisons,
        SampleRatioView sampleRatio, long unitsWithoutId, long tracesWithoutVariant, long unitsInUnknownVariants,
        long unitsInSeveralVariants, VerdictView verdict) {

    /** The sample-ratio-mismatch check of units per variant against the allocation. */
    record SampleRatioView(Double chiSquare, int degreesOfFreedom, double pValue, boolean mismatch, String reason) {
        static SampleRatioView of(SampleRatioMismatch.Result r) {
            return new SampleRatioView(Double.isFinite(r.chiSquare()) ? r.chiSquare() : null, r.degreesOfFreedom(),
                    r.pValue(), r.mismatch(), r.reason());
        }
    }

    /** The verdict for {@code auto_conclude}: winner, no_difference, keep_running or invalid. */
    record VerdictView(String kind, String winner, List<String> missing, String recommendation) {
    }

    static ExperimentResultsView of(ExperimentPlan plan, ExperimentResult r) {
        return new ExperimentResultsView(r.experimentId(), plan.unit().wire(), r.start(), r.until(), r.days(),
                plan.controlId(), plan.alpha(), plan.correction().wire(), plan.minimumSamplePerVariant(),
                plan.minimumDetectableEffect(), r.variants().stream().map(VariantView::of).toList(),
                r.comparisons().stream().map(c -> ComparisonView.of(plan, c)).toList(),
                SampleRatioView.of(r.sampleRatio()), r.unitsWithoutId(), r.tracesWithoutVariant(),
                r.unitsInUnknownVariants(), r.unitsInSeveralVariants(), new VerdictView(r.verdict().kind().wire(), r.verdict().winner(),
                        r.verdict().missing(), r.verdict().recommendation()));
    }
}
