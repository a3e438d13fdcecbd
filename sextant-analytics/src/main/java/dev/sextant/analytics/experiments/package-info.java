/**
 * The statistical core of A/B experiments (issue 6, item 4), pure functions with no server or store:
 * deterministic variant {@link dev.sextant.analytics.experiments.Assignment} by a documented hash, the
 * {@link dev.sextant.analytics.experiments.SampleRatioMismatch} check, sample sizes and achieved power
 * ({@link dev.sextant.analytics.experiments.PowerAnalysis}), always-valid p-values and intervals for
 * results looked at every day ({@link dev.sextant.analytics.experiments.SequentialTest}) and CUPED
 * variance reduction with pre-experiment data ({@link dev.sextant.analytics.experiments.Cuped}).
 * Multiple metrics are corrected with the existing {@link dev.sextant.analytics.HolmCorrection} or
 * {@link dev.sextant.analytics.FalseDiscoveryRate}.
 */
package dev.sextant.analytics.experiments;
