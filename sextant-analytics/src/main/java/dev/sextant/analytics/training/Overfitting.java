package dev.sextant.analytics.training;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Overfitting: over the last {@code window} evaluations where both losses are finite, the
 * least-squares slope of the validation loss is above zero while that of the training loss is
 * below zero. The onset is the evaluation with the lowest validation loss (after it, validation
 * only got worse). The generalization gap is validation minus training loss, at the last
 * evaluation and at the best one.
 */
public final class Overfitting {

    /** Evaluations looked at by default: the last five. */
    public static final int DEFAULT_WINDOW = 5;

    private Overfitting() {}

    public static OverfittingResult detect(double[] trainingLoss, double[] validationLoss) {
        return detect(trainingLoss, validationLoss, DEFAULT_WINDOW);
    }

    /** Both arrays are aligned per evaluation; pairs with a non-finite value are skipped. */
    public static OverfittingResult detect(double[] trainingLoss, double[] validationLoss, int window) {
        if (trainingLoss.length != validationLoss.length) {
            throw new IllegalArgumentException("training and validation series differ in length: "
                    + trainingLoss.length + " and " + validationLoss.length);
        }
        if (window < 2) {
            throw new IllegalArgumentException("the overfitting window needs at least 2 evaluations, was " + window);
        }
        int[] kept = new int[trainingLoss.length];
        int n = 0;
        for (int i = 0; i < trainingLoss.length; i++) {
            if (Double.isFinite(trainingLoss[i]) && Double.isFinite(validationLoss[i])) {
                kept[n++] = i;
            }
        }
        if (n == 0) {
            return new OverfittingResult(false, -1, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        int best = kept[0];
        for (int k = 1; k < n; k++) {
            if (validationLoss[kept[k]] < validationLoss[best]) {
                best = kept[k];
            }
        }
        int last = kept[n - 1];
        double finalGap = validationLoss[last] - trainingLoss[last];
        double bestGap = validationLoss[best] - trainingLoss[best];
        if (n < window) {
            return new OverfittingResult(false, -1, finalGap, bestGap, Double.NaN, Double.NaN);
        }
        SimpleRegression train = new SimpleRegression();
        SimpleRegression val = new SimpleRegression();
        for (int k = n - window; k < n; k++) {
            train.addData(kept[k], trainingLoss[kept[k]]);
            val.addData(kept[k], validationLoss[kept[k]]);
        }
        boolean overfitting = val.getSlope() > 0 && train.getSlope() < 0;
        return new OverfittingResult(overfitting, overfitting ? best : -1, finalGap, bestGap,
                train.getSlope(), val.getSlope());
    }
}
