package dev.sextant.analytics.training;

/**
 * Whether the loss has converged or diverges; the rate ({@code -slope} of ln loss per
 * evaluation); the fitted relative improvement across the tail (negative when the loss grows);
 * how many evaluations the tail held. NaN figures when fewer than three usable values.
 */
public record ConvergenceResult(boolean converged, boolean diverging, double rate, double tailImprovement,
        int tailPoints) {}
