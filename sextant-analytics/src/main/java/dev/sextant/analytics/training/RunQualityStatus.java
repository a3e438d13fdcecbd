package dev.sextant.analytics.training;

/**
 * The one-word quality verdict of a run, the first that applies in this order: no data; diverged
 * (last training loss non-finite, or the training loss grows over the tail); overfitting;
 * unstable (NaN/inf values or gradient spikes); converged; still improving.
 */
public enum RunQualityStatus {
    NO_DATA, DIVERGED, OVERFITTING, UNSTABLE, CONVERGED, IMPROVING
}
