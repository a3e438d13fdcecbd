package dev.sextant.analytics.experiments;

import java.time.Instant;
import java.util.List;

/**
 * The whole analysis of an experiment at one moment: the data window [start, until), each
 * variant's figures, every treatment-versus-control comparison (the plan's metrics, then the
 * guardrails), the sample-ratio check, what could not be attributed, and the verdict.
 */
public record ExperimentResult(String experimentId, Instant start, Instant until, int days,
        List<VariantSummary> variants, List<MetricComparison> comparisons, SampleRatioMismatch.Result sampleRatio,
        long unitsWithoutId, long tracesWithoutVariant, long unitsInUnknownVariants, long unitsInSeveralVariants,
        ExperimentVerdict verdict) {

    public ExperimentResult {
        variants = List.copyOf(variants);
        comparisons = List.copyOf(comparisons);
    }
}
