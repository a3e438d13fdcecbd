package dev.sextant.server.experiments;

import dev.sextant.analytics.experiments.CupedEstimate;
import dev.sextant.analytics.experiments.ExperimentPlan;
import dev.sextant.analytics.experiments.MetricComparison;
import dev.sextant.analytics.experiments.SequentialEstimate;

/** One treatment against the control on one metric, grouped the way the results page shows it. */
record ComparisonView(String treatmentId, String controlId, String metric, String role, boolean higherIsBetter,
        long controlUnits, long treatmentUnits, Double control, Double treatment, Double difference,
        Double relativeDifference, FixedHorizon fixedHorizon, Effect effectSize, Double achievedPower,
        Sequential sequential, Double pValueCorrected, String correction, boolean significant,
        Boolean guardrailViolated, Cuped cuped) {

    /** The classical test and interval, valid for one look at the planned end. */
    record FixedHorizon(String test, Double pValue, Double lower, Double upper, double confidence) {
    }

    /** Cohen's h (rates) or d (means). */
    record Effect(String kind, Double value) {
    }

    /** The always-valid p-value and interval after the replayed daily looks; this decides the verdict. */
    record Sequential(int looks, double pValue, Double lower, Double upper, Double tau, String reason) {
        static Sequential of(SequentialEstimate s) {
            return new Sequential(s.looks(), s.pValue(), s.lower(), s.upper(), s.tau(), s.reason());
        }
    }

    /** The CUPED-adjusted difference of unit-level means, or why it was not applied. */
    record Cuped(boolean applied, long unitsWithPrePeriod, long units, Double rawDifference, Double difference,
            Double lower, Double upper, Double pValue, Double varianceRatio, String reason) {
        static Cuped of(CupedEstimate c) {
            return new Cuped(c.applied(), c.unitsWithPrePeriod(), c.units(), c.rawDifference(), c.difference(),
                    c.lower(), c.upper(), c.pValue(), c.varianceRatio(), c.reason());
        }
    }

    static ComparisonView of(ExperimentPlan plan, MetricComparison c) {
        boolean guardrail = c.role() == MetricComparison.Role.GUARDRAIL;
        return new ComparisonView(c.treatmentId(), plan.controlId(), c.metric().wire(), c.role().wire(),
                c.metric().higherIsBetter(), c.controlUnits(), c.treatmentUnits(), c.control(), c.treatment(),
                c.difference(), c.relativeDifference(), new FixedHorizon(c.test(), c.pValue(), c.lower(), c.upper(),
                        1 - plan.alpha()), new Effect(c.effectSizeKind(), finite(c.effectSize())), finite(c.achievedPower()),
                Sequential.of(c.sequential()), c.correctedPValue(), guardrail ? null : plan.correction().wire(),
                c.significant(), c.guardrailViolated(), Cuped.of(c.cuped()));
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
