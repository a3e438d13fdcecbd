package dev.sextant.analytics.training;

/**
 * A learning curve fitted to a loss series and its prediction at {@code targetStep}.
 *
 * <p>{@code status} says whether there is a prediction; {@code reason} says why not (or, for
 * {@link Status#FLAT}, what was seen). With {@link Status#FITTED}: {@code model} and its raw-step
 * parameters {@code a, b, c} (see {@link LearningCurveModel}), {@code rmse} of the fit,
 * {@code rivalRmse} of the other family (null if it failed), {@code predicted} the curve value at
 * {@code targetStep} and {@code [lower, upper]} its residual-bootstrap interval at {@code level}
 * (see {@link LearningCurveFitter}; both null, with a {@code reason}, when the bootstrap could not
 * make one). {@code pointsUsed} counts the finite points given (long series are thinned before
 * fitting), {@code pointsDropped} the NaN/infinite ones left out.
 */
public record LearningCurve(Status status, String reason, LearningCurveModel model, Double a, Double b, Double c,
        Double rmse, Double rivalRmse, int pointsUsed, int pointsDropped, long targetStep, double level,
        Double predicted, Double lower, Double upper) {

    public enum Status {
        /** A curve was fitted and extrapolated. */
        FITTED,
        /** Every finite value is the same: the prediction is that value, with a zero-width interval. */
        FLAT,
        /** Fewer finite points than {@link LearningCurveFitter#MIN_POINTS}. */
        INSUFFICIENT_DATA,
        /** Neither family converged. */
        FIT_FAILED
    }

    static LearningCurve refused(Status status, String reason, int used, int dropped, long targetStep, double level) {
        return new LearningCurve(status, reason, null, null, null, null, null, null, used, dropped, targetStep, level,
                null, null, null);
    }
}
