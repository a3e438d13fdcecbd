package dev.sextant.analytics.experiments;

/**
 * The CUPED-adjusted difference of unit-level means (treatment − control) over the units that
 * have a pre-period value of the metric, or why it was not applied ({@code applied} false, the
 * figures null). {@code varianceRatio} is var(adjusted) / var(raw): 0.6 means 40% less variance.
 */
public record CupedEstimate(boolean applied, long unitsWithPrePeriod, long units, Double rawDifference,
        Double difference, Double lower, Double upper, Double pValue, Double varianceRatio, String reason) {
}
