package dev.sextant.analytics.training;

/**
 * Overtraining waste: when the best (lowest finite) validation loss came at an epoch before
 * {@code cutoff} (70% by default) of the run's last epoch, the run overtrained; the epochs after
 * the best one are wasted, and so is their share of the GPU hours, assuming each epoch cost the
 * same ({@code gpuHours * wastedEpochs / lastEpoch}). GPU hours may be NaN (not logged): the
 * wasted hours are NaN then.
 */
public final class OvertrainingWaste {

    public static final double DEFAULT_CUTOFF = 0.7;

    private OvertrainingWaste() {}

    public static OvertrainingWasteResult compute(double[] epochs, double[] validationLoss, double gpuHours) {
        return compute(epochs, validationLoss, gpuHours, DEFAULT_CUTOFF);
    }

    public static OvertrainingWasteResult compute(double[] epochs, double[] validationLoss, double gpuHours,
            double cutoff) {
        if (epochs.length != validationLoss.length) {
            throw new IllegalArgumentException("epochs and validation loss differ in length: "
                    + epochs.length + " and " + validationLoss.length);
        }
        if (!(cutoff > 0 && cutoff <= 1)) {
            throw new IllegalArgumentException("cutoff must be in (0, 1], was " + cutoff);
        }
        if (!Double.isNaN(gpuHours) && !(gpuHours >= 0 && Double.isFinite(gpuHours))) {
            throw new IllegalArgumentException("gpuHours must be finite and >= 0 or NaN, was " + gpuHours);
        }
        int best = -1;
        double lastEpoch = Double.NaN;
        for (int i = 0; i < epochs.length; i++) {
            if (!Double.isFinite(epochs[i])) {
                continue;
            }
            lastEpoch = Double.isNaN(lastEpoch) ? epochs[i] : Math.max(lastEpoch, epochs[i]);
            if (Double.isFinite(validationLoss[i]) && (best < 0 || validationLoss[i] < validationLoss[best])) {
                best = i;
            }
        }
        if (best < 0 || !(lastEpoch > 0)) {
            return new OvertrainingWasteResult(false, Double.NaN, lastEpoch, Double.NaN, 0, 0);
        }
        double bestEpoch = epochs[best];
        double fraction = bestEpoch / lastEpoch;
        boolean overtrained = fraction < cutoff;
        double wastedEpochs = overtrained ? lastEpoch - bestEpoch : 0;
        double wastedHours = Double.isNaN(gpuHours) ? Double.NaN : gpuHours * wastedEpochs / lastEpoch;
        return new OvertrainingWasteResult(overtrained, bestEpoch, lastEpoch, fraction, wastedEpochs, wastedHours);
    }
}
