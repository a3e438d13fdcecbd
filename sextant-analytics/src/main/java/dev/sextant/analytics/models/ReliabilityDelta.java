package dev.sextant.analytics.models;

import dev.sextant.analytics.ProportionDifference;

/**
 * Production success rate of the candidate against the baseline: both sides' totals, the
 * difference with its 95% interval (Newcombe's hybrid score method) and the two-sided p-value of
 * Fisher's exact test ({@link ProportionDifference}). Tested only when both sides have at least
 * {@link ModelComparison#MIN_TRACES} traces; otherwise the test fields are null and
 * {@code reason} says why. {@code change} is better or worse when p &lt; {@link ModelComparison#ALPHA},
 * else same.
 */
public record ReliabilityDelta(Reliability candidate, Reliability baseline, Double difference, Double ciLow,
        Double ciHigh, Double pValue, boolean tested, Change change, String reason) {

    /** Which way a measure moved, as the assessment reads it. */
    public enum Change {
        BETTER, WORSE, SAME;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A non-inferiority margin {@link ProportionDifference} needs; only its difference, interval and p-value are used. */
    private static final double MARGIN = 0.05;

    public static ReliabilityDelta of(Reliability candidate, Reliability baseline) {
        if (candidate.traces() < ModelComparison.MIN_TRACES || baseline.traces() < ModelComparison.MIN_TRACES) {
            Double diff = candidate.successRate() == null || baseline.successRate() == null ? null
                    : candidate.successRate() - baseline.successRate();
            return new ReliabilityDelta(candidate, baseline, diff, null, null, null, false, Change.SAME,
                    "not tested: needs at least " + ModelComparison.MIN_TRACES + " production traces on each side"
                            + " since its deployment, had " + candidate.traces() + " and " + baseline.traces());
        }
        ProportionDifference d = ProportionDifference.of(candidate.successes(), candidate.traces(), baseline.successes(),
                baseline.traces(), MARGIN, true, ModelComparison.ALPHA);
        Change change = d.pValue() >= ModelComparison.ALPHA ? Change.SAME : d.difference() > 0 ? Change.BETTER : Change.WORSE;
        String reason = change == Change.SAME ? "no significant difference in success rate (p = " + round(d.pValue()) + ")"
                : "success rate significantly " + (change == Change.BETTER ? "higher" : "lower") + " (p = "
                        + round(d.pValue()) + ")";
        return new ReliabilityDelta(candidate, baseline, d.difference(), d.ciLow(), d.ciHigh(), d.pValue(), true, change,
                reason);
    }

    static String round(double p) {
        return String.format(java.util.Locale.ROOT, "%.3g", p);
    }
}
