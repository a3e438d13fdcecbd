package dev.sextant.analytics;

import dev.sextant.store.ModelOutcomes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One comparison of a cheaper model against a more expensive one on one task: every metric with
 * its test, the verdict with its reason, and the projected monthly saving of switching
 * (cost per execution difference × the expensive model's executions in the last 30 days).
 */
public record SubstitutionTest(String task, ModelOutcomes.Group cheaper, ModelOutcomes.Group expensive,
        BigDecimal cheaperCostPerExecutionUsd, BigDecimal expensiveCostPerExecutionUsd, List<MetricTest> metrics,
        Verdict verdict, String reason, BigDecimal projectedMonthlySavingsUsd) {

    public SubstitutionTest {
        metrics = List.copyOf(metrics);
    }

    public enum Verdict {
        /** every tested metric shown not worse than the margin (Holm-adjusted), samples large enough */
        RECOMMENDED,
        /** significantly worse on a metric, or non-inferiority not shown although the test had the power */
        NOT_RECOMMENDED,
        /** non-inferiority not shown and the test had too little power to show it: more data needed */
        INCONCLUSIVE,
        /** fewer executions than the documented minimum for one of the models */
        INSUFFICIENT_DATA;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One metric. {@code tested} false means too few data (the counts say how many); then the
     * figures are null. Differences are cheaper − expensive; for the hand-off rate lower is better.
     */
    public record MetricTest(String metric, boolean tested, String test, long nCheaper, long nExpensive,
            Double cheaper, Double expensive, Double difference, Double ciLow, Double ciHigh, Double pValue,
            Double pValueHolm, Double margin, Double nonInferiorityPValue, Double nonInferiorityPValueHolm,
            Double power, Long neededPerModel, boolean nonInferior, boolean significantlyWorse) {
    }
}
