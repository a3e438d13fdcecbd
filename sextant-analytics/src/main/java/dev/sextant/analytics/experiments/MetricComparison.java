package dev.sextant.analytics.experiments;

import java.util.Locale;

/**
 * One treatment against the control on one metric. {@code difference} is treatment − control
 * (relative: over the control's value); {@code pValue}, {@code lower}/{@code upper} are the
 * fixed-horizon test and interval at 1 − α (valid for one look at the planned end only); the
 * {@code sequential} figures stay valid however often the results are looked at and decide the
 * verdict. {@code correctedPValue} is the sequential p-value corrected over every (treatment,
 * metric) pair of the plan's metrics (null for guardrails); {@code significant} says it is below α.
 * {@code guardrailViolated} is set for guardrails only: the sequential interval lies wholly on the
 * worse side of 0.
 */
public record MetricComparison(String treatmentId, ExperimentMetric metric, Role role, long controlUnits,
        long treatmentUnits, Double control, Double treatment, Double difference, Double relativeDifference,
        Double pValue, Double lower, Double upper, String test, Double effectSize, String effectSizeKind,
        Double achievedPower, SequentialEstimate sequential, Double correctedPValue, boolean significant,
        Boolean guardrailViolated, CupedEstimate cuped) {

    /** Why the metric is compared. */
    public enum Role {
        PRIMARY, SECONDARY, GUARDRAIL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Better for the treatment in the metric's direction (false when not computed). */
    public boolean better() {
        return difference != null && (metric.higherIsBetter() ? difference > 0 : difference < 0);
    }

    MetricComparison corrected(double p, double alpha) {
        return new MetricComparison(treatmentId, metric, role, controlUnits, treatmentUnits, control, treatment,
                difference, relativeDifference, pValue, lower, upper, test, effectSize, effectSizeKind, achievedPower,
                sequential, p, p < alpha, guardrailViolated, cuped);
    }
}
