package dev.sextant.analytics.experiments;

/**
 * The always-valid (mSPRT) state of one comparison after replaying the daily looks: looks
 * evaluated, p-value, interval, the mixing τ used, and why when nothing could be evaluated yet.
 */
public record SequentialEstimate(int looks, double pValue, Double lower, Double upper, Double tau, String reason) {
}
