package dev.sextant.analytics.experiments;

import java.util.Locale;

/**
 * Always-valid inference for a difference between two variants, so that people may look at the
 * results every day and stop whenever they like without inflating the false positive rate: the
 * mixture sequential probability ratio test (mSPRT) of Johari, Pekelis and Walsh, "Always valid
 * inference: continuous monitoring of A/B tests" (2017, Operations Research 2022), in its normal
 * approximation.
 *
 * <p>At each look the estimate θ̂ (treatment minus control) has variance v = σ<sub>A</sub>²/n<sub>A</sub>
 * + σ<sub>B</sub>²/n<sub>B</sub>. Mixing the likelihood ratio of θ against 0 over a normal
 * distribution N(0, τ²) of effects gives
 * Λ = √(v / (v + τ²)) · exp(τ²·θ̂² / (2·v·(v + τ²))).
 * Under the null Λ is a martingale with mean 1, so by Ville's inequality it ever exceeds 1/α with
 * probability at most α: the always-valid p-value is the running minimum of min(1, 1/Λ) over the
 * looks, and the always-valid confidence interval is the running intersection of
 * θ̂ ± √(v·(v + τ²)/τ² · (log((v + τ²)/v) − 2·log α)), the set of θ0 for which the same ratio
 * centred on θ0 stays below 1/α.
 *
 * <p>Choice of τ: the guarantee holds for any τ &gt; 0; τ only decides which effects are found
 * quickly. We use τ = the minimum detectable effect of the experiment (in the metric's units), which
 * puts the mixing distribution's spread on the effects the experiment was planned to detect
 * ({@link #defaultTau}); a rate's default MDE is 10% of its baseline rate when none was planned.
 * The normal approximation takes σ as known; with sample standard deviations it is reliable once
 * each variant has some tens of units, hence {@link #MIN_SAMPLES}.
 */
public final class SequentialTest {
    /** The fewest units per variant before a look is evaluated; earlier looks leave the p-value at 1. */
    public static final int MIN_SAMPLES = 30;

    /** One look: the estimate, its variance, the mixture ratio, this look's p-value and interval. */
    public record Look(double estimate, double variance, double likelihoodRatio, double pValue, double lower,
            double upper) {
    }

    /**
     * The state after every look so far: the always-valid p-value (running minimum), interval
     * (running intersection), number of looks, whether the difference is significant at α, and a
     * sentence for the results page.
     */
    public record Result(int looks, double estimate, double pValue, double lower, double upper, boolean significant,
            String reason) {
    }

    private final double tau2;
    private final double alpha;
    private int looks;
    private double pValue = 1;
    private double lower = Double.NEGATIVE_INFINITY;
    private double upper = Double.POSITIVE_INFINITY;
    private double lastEstimate = Double.NaN;

    /** A monitor with mixing standard deviation {@code tau} and level {@code alpha}. */
    public SequentialTest(double tau, double alpha) {
        checkTauAlpha(tau, alpha);
        this.tau2 = tau * tau;
        this.alpha = alpha;
    }

    /** τ for a planned minimum detectable effect: the effect itself, made positive. */
    public static double defaultTau(double minimumDetectableEffect) {
        double tau = Math.abs(minimumDetectableEffect);
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("the minimum detectable effect must be non-zero and finite, was "
                    + minimumDetectableEffect);
        }
        return tau;
    }

    /**
     * One look on its own, without history: the mixture ratio at estimate {@code estimate} with
     * variance {@code variance}, p = min(1, 1/Λ) and the interval at this look.
     */
    public static Look look(double estimate, double variance, double tau, double alpha) {
        checkTauAlpha(tau, alpha);
        if (!(variance > 0) || Double.isInfinite(variance) || Double.isNaN(estimate) || Double.isInfinite(estimate)) {
            throw new IllegalArgumentException("the variance of the estimate must be positive and the estimate finite");
        }
        double t2 = tau * tau;
        double v = variance;
        double logLambda = 0.5 * Math.log(v / (v + t2)) + t2 * estimate * estimate / (2 * v * (v + t2));
        double lambda = Math.exp(logLambda);
        double p = Math.min(1, Math.exp(-logLambda));
        double half = Math.sqrt(v * (v + t2) / t2 * (Math.log((v + t2) / v) - 2 * Math.log(alpha)));
        return new Look(estimate, v, lambda, p, estimate - half, estimate + half);
    }

    /**
     * Adds a look at the difference of means (treatment B minus control A) from the summaries so
     * far, and returns the always-valid state. Looks with fewer than {@link #MIN_SAMPLES} units on
     * a side, or with no variation, are counted but change nothing.
     */
    public Result observe(long nA, double meanA, double sdA, long nB, double meanB, double sdB) {
        looks++;
        if (nA >= MIN_SAMPLES && nB >= MIN_SAMPLES && sdA >= 0 && sdB >= 0) {
            double v = sdA * sdA / nA + sdB * sdB / nB;
            if (v > 0) {
                Look l = look(meanB - meanA, v, Math.sqrt(tau2), alpha);
                lastEstimate = l.estimate();
                pValue = Math.min(pValue, l.pValue());
                lower = Math.max(lower, l.lower());
                upper = Math.min(upper, l.upper());
            }
        }
        return result();
    }

    /** Adds a look at the difference of two rates (B minus A) from successes and units so far. */
    public Result observeProportions(long successesA, long nA, long successesB, long nB) {
        if (successesA < 0 || successesB < 0 || successesA > nA || successesB > nB) {
            throw new IllegalArgumentException("successes must be between 0 and the number of units");
        }
        double pA = nA == 0 ? 0 : (double) successesA / nA;
        double pB = nB == 0 ? 0 : (double) successesB / nB;
        return observe(nA, pA, Math.sqrt(pA * (1 - pA)), nB, pB, Math.sqrt(pB * (1 - pB)));
    }

    /** The always-valid state after the looks so far. */
    public Result result() {
        boolean significant = pValue < alpha;
        String reason;
        if (Double.isNaN(lastEstimate)) {
            reason = "insufficient data: needs at least " + MIN_SAMPLES + " units with varying values on each side";
        } else if (lower > upper) {
            // the intervals of different looks no longer overlap: possible only when the data are not
            // exchangeable over time (a change mid-experiment); say so rather than show an empty interval
            reason = "the effect changed during the experiment: the always-valid intervals of different looks do not overlap";
        } else {
            reason = String.format(Locale.ROOT, "%s: always-valid p = %.4g %s %.2f after %d looks, interval [%.4g, %.4g]",
                    significant ? "different" : "no significant difference yet", pValue, significant ? "<" : ">=",
                    alpha, looks, lower, upper);
        }
        return new Result(looks, lastEstimate, pValue, lower, upper, significant, reason);
    }

    private static void checkTauAlpha(double tau, double alpha) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be positive and finite, was " + tau);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be strictly between 0 and 1, was " + alpha);
        }
    }
}
