package dev.sextant.analytics.experiments;

import java.util.Locale;
import org.apache.commons.math3.special.Gamma;

/**
 * The sample-ratio-mismatch check: does the number of units seen per variant fit the allocation?
 * A mismatch means assignment or logging is broken (a variant crashes before it records, a bot hits
 * one arm), and then no comparison of the variants can be trusted, however significant.
 *
 * <p>Pearson's chi-square goodness of fit: expected count = total · percent / 100, statistic
 * Σ (observed − expected)² / expected with (variants − 1) degrees of freedom. A mismatch is declared
 * when p &lt; {@link #THRESHOLD} (0.001, the customary level for this check: it runs on every look at
 * every experiment, so a lax level would raise false alarms). Variants with 0% allocation are left out
 * of the statistic; any unit observed in one is a mismatch by itself (p = 0).
 */
public final class SampleRatioMismatch {
    /** Below this p-value the observed split is declared not to fit the allocation. */
    public static final double THRESHOLD = 0.001;

    /**
     * The outcome: the statistic, its degrees of freedom and p-value, whether it is a mismatch, and
     * a sentence for the results page. With no units observed yet the check is not run (p = 1,
     * no mismatch).
     */
    public record Result(double chiSquare, int degreesOfFreedom, double pValue, boolean mismatch, String reason) {
    }

    private SampleRatioMismatch() {
    }

    /**
     * The check of observed counts against allocation percents, both in the same variant order.
     *
     * @throws IllegalArgumentException when the lengths differ, a count is negative, or the
     *     percents are not a valid allocation (see {@link Assignment})
     */
    public static Result check(long[] observed, int[] percents) {
        if (observed == null || percents == null || observed.length != percents.length) {
            throw new IllegalArgumentException("observed counts and allocations must be given for the same variants");
        }
        long total = 0;
        int sum = 0;
        for (int i = 0; i < observed.length; i++) {
            if (observed[i] < 0) {
                throw new IllegalArgumentException("the count of variant " + i + " is negative: " + observed[i]);
            }
            if (percents[i] < 0 || percents[i] > 100) {
                throw new IllegalArgumentException("the allocation of variant " + i + " is " + percents[i]
                        + "%; each allocation must be between 0 and 100");
            }
            total += observed[i];
            sum += percents[i];
        }
        if (observed.length == 0 || sum != 100) {
            throw new IllegalArgumentException(observed.length == 0 ? "no variants given"
                    : "the allocations must sum to 100%, they sum to " + sum + "%");
        }
        if (total == 0) {
            return new Result(0, 0, 1, false, "no units observed yet");
        }
        double chi = 0;
        int tested = 0;
        for (int i = 0; i < observed.length; i++) {
            if (percents[i] == 0) {
                if (observed[i] > 0) {
                    return new Result(Double.POSITIVE_INFINITY, 0, 0, true, String.format(Locale.ROOT,
                            "sample ratio mismatch: variant %d has 0%% allocation but %d units", i, observed[i]));
                }
                continue;
            }
            double expected = total * (percents[i] / 100.0);
            double d = observed[i] - expected;
            chi += d * d / expected;
            tested++;
        }
        int df = tested - 1;
        if (df == 0) {
            return new Result(0, 0, 1, false, "only one variant receives traffic: nothing to compare");
        }
        // the upper tail directly (Q(df/2, chi/2)), not 1 - CDF, so that tiny p-values keep their digits
        double p = Gamma.regularizedGammaQ(df / 2.0, chi / 2);
        boolean mismatch = p < THRESHOLD;
        return new Result(chi, df, p, mismatch, String.format(Locale.ROOT,
                "%s: chi-square = %.4f with %d degrees of freedom, p = %.4g %s %s",
                mismatch ? "sample ratio mismatch" : "split fits the allocation", chi, df, p, mismatch ? "<" : ">=",
                THRESHOLD));
    }
}
