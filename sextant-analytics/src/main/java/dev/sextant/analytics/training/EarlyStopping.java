package dev.sextant.analytics.training;

/**
 * Early stopping as Keras and the Hugging Face callback do it: an evaluation improves when its
 * validation loss is below the best so far by more than {@code minDelta}; after {@code patience}
 * evaluations in a row without improvement, training stops. Non-finite losses never improve.
 * The run "stopped early" when its last evaluation is the stop point; it "should have stopped"
 * when the stop point comes before its last evaluation, and the evaluations after it were wasted.
 */
public final class EarlyStopping {

    public static final int DEFAULT_PATIENCE = 3;
    public static final double DEFAULT_MIN_DELTA = 0.0;

    private EarlyStopping() {}

    public static EarlyStoppingResult evaluate(double[] validationLoss) {
        return evaluate(validationLoss, DEFAULT_PATIENCE, DEFAULT_MIN_DELTA);
    }

    public static EarlyStoppingResult evaluate(double[] validationLoss, int patience, double minDelta) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1, was " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("minDelta must be finite and >= 0, was " + minDelta);
        }
        int best = -1;
        int wait = 0;
        int stop = -1;
        for (int i = 0; i < validationLoss.length; i++) {
            double v = validationLoss[i];
            boolean improved = Double.isFinite(v) && (best < 0 || v < validationLoss[best] - minDelta);
            if (improved) {
                best = i;
                wait = 0;
            } else if (best >= 0) {
                wait++;
                if (wait >= patience) {
                    stop = i;
                    break;
                }
            }
        }
        int last = validationLoss.length - 1;
        boolean stoppedEarly = stop >= 0 && stop == last;
        boolean shouldHaveStopped = stop >= 0 && stop < last;
        int wasted = shouldHaveStopped ? last - stop : 0;
        return new EarlyStoppingResult(best, best < 0 ? Double.NaN : validationLoss[best], stop,
                stoppedEarly, shouldHaveStopped, wasted);
    }
}
