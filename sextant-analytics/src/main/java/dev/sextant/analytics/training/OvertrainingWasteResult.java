package dev.sextant.analytics.training;

/**
 * Whether the run overtrained; the epoch of the best validation loss and the last epoch (NaN
 * when unknown); where the best came as a fraction of the run; epochs and GPU hours wasted.
 */
public record OvertrainingWasteResult(boolean overtrained, double bestEpoch, double lastEpoch,
        double bestFraction, double wastedEpochs, double wastedGpuHours) {}
