package dev.sextant.analytics.training;

/** The knobs of {@link RunQuality}, each documented on the detector that uses it. */
public record RunQualitySettings(int overfittingWindow, int patience, double minDelta, double convergenceTail,
        double convergenceThreshold, int smoothingWindow, double spikeZ, double overtrainingCutoff) {

    public static final RunQualitySettings DEFAULTS = new RunQualitySettings(Overfitting.DEFAULT_WINDOW,
            EarlyStopping.DEFAULT_PATIENCE, EarlyStopping.DEFAULT_MIN_DELTA, Convergence.DEFAULT_TAIL_FRACTION,
            Convergence.DEFAULT_THRESHOLD, Stability.DEFAULT_WINDOW, Stability.DEFAULT_SPIKE_Z,
            OvertrainingWaste.DEFAULT_CUTOFF);
}
