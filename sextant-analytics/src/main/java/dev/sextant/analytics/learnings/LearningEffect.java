package dev.sextant.analytics.learnings;

import dev.sextant.analytics.ProportionDifference;
import dev.sextant.store.learnings.LearningsStore.Baseline;

/**
 * What applying a learning did: the success rate of its applications of known outcome with a 95%
 * Wilson interval, the baseline (the agent's traces without it) with its own, and the difference
 * applied − baseline with a 95% Newcombe interval and Fisher's exact two-sided p-value
 * ({@link ProportionDifference}). Parts without data are null.
 */
public record LearningEffect(long applications, long successes, Double successRate, Double successLow,
        Double successHigh, long baselineTraces, long baselineSuccesses, Double baselineRate, Double baselineLow,
        Double baselineHigh, Double difference, Double differenceLow, Double differenceHigh, Double pValue) {

    /** The non-inferiority margin and level {@link ProportionDifference} needs; only its difference, CI and p are used. */
    private static final double MARGIN = 0.05;
    private static final double ALPHA = 0.05;

    public static LearningEffect of(long successes, long failures, Baseline baseline) {
        long n = successes + failures;
        double[] w = n == 0 ? null : ProportionDifference.wilson(successes, n);
        double[] b = baseline.traces() == 0 ? null : ProportionDifference.wilson(baseline.successes(), baseline.traces());
        ProportionDifference d = n == 0 || baseline.traces() == 0 ? null
                : ProportionDifference.of(successes, n, baseline.successes(), baseline.traces(), MARGIN, true, ALPHA);
        return new LearningEffect(n, successes, n == 0 ? null : successes / (double) n, w == null ? null : w[0],
                w == null ? null : w[1], baseline.traces(), baseline.successes(),
                b == null ? null : baseline.successes() / (double) baseline.traces(), b == null ? null : b[0],
                b == null ? null : b[1], d == null ? null : d.difference(), d == null ? null : d.ciLow(),
                d == null ? null : d.ciHigh(), d == null ? null : d.pValue());
    }
}
