package dev.sextant.analytics.hpo;

/**
 * One parameter's effect on the score. {@code importance}: its main-effect share of the score's
 * variance (see {@link ParameterEffects}), 0 to 1; {@code rank}: 1 for the most important.
 * Sensitivity: {@code slope} is the least-squares change of the score per unit of the parameter
 * on its {@code scale} ({@code log10} or {@code linear}; null for a categorical) with its 95%
 * confidence interval (null with fewer than 3 trials); {@code marginalRange} is the highest minus
 * the lowest mean score over the parameter's bins (or values), and {@code bestBin} the bin (or
 * value) with the best mean, as text.
 */
public record ParameterEffect(String parameter, double importance, int rank, String scale, Double slope, Double slopeLow,
        Double slopeHigh, double marginalRange, String bestBin) {}
