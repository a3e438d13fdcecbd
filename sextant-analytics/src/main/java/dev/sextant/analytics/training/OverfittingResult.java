package dev.sextant.analytics.training;

/**
 * Whether the run overfits; the onset (index of the best validation loss) or -1; the
 * generalization gap (validation - training) at the end and at the best evaluation; the slopes
 * per evaluation of both losses over the window (NaN when there were fewer evaluations).
 */
public record OverfittingResult(boolean overfitting, int onsetIndex, double finalGap, double gapAtBest,
        double trainingSlope, double validationSlope) {}
