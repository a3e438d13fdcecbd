package dev.sextant.analytics;

import dev.sextant.analytics.SubstitutionTest.MetricTest;
import dev.sextant.analytics.SubstitutionTest.Verdict;
import dev.sextant.store.ModelOutcomes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model substitution as non-inferiority: for each task and each pair of its models with different
 * cost per execution, is the cheaper model not worse than the expensive one by more than a margin
 * on success rate, hand-off rate and mean rating? Each metric gets a one-sided non-inferiority
 * test and a two-sided test of any difference; both families are Holm-adjusted over the metrics
 * tested. The switch is recommended only when both models have the minimum executions and every
 * tested metric is shown non-inferior.
 */
public final class ModelSubstitution {
    private ModelSubstitution() {
    }

    /** Every pair within every task, recommended ones first, then by projected saving. */
    public static List<SubstitutionTest> compareAll(ModelOutcomes outcomes, SubstitutionSettings settings) {
        Map<String, List<ModelOutcomes.Group>> byTask = new LinkedHashMap<>();
        outcomes.groups().forEach(g -> byTask.computeIfAbsent(g.task(), k -> new ArrayList<>()).add(g));
        List<SubstitutionTest> tests = new ArrayList<>();
        for (List<ModelOutcomes.Group> models : byTask.values()) {
            for (int i = 0; i < models.size(); i++) {
                for (int j = i + 1; j < models.size(); j++) {
                    int order = costPerExecution(models.get(i)).compareTo(costPerExecution(models.get(j)));
                    if (order != 0) {
                        tests.add(order < 0 ? compare(models.get(i), models.get(j), settings)
                                : compare(models.get(j), models.get(i), settings));
                    }
                }
            }
        }
        tests.sort(Comparator.comparing((SubstitutionTest t) -> t.verdict() != Verdict.RECOMMENDED)
                .thenComparing(SubstitutionTest::projectedMonthlySavingsUsd, Comparator.reverseOrder())
                .thenComparing(SubstitutionTest::task).thenComparing(t -> t.cheaper().model()));
        return tests;
    }

    static BigDecimal costPerExecution(ModelOutcomes.Group g) {
        return g.totalCostUsd().divide(BigDecimal.valueOf(g.executions()), 9, RoundingMode.HALF_EVEN);
    }

    public static SubstitutionTest compare(ModelOutcomes.Group cheaper, ModelOutcomes.Group expensive,
            SubstitutionSettings s) {
        if (!cheaper.task().equals(expensive.task())) {
            throw new IllegalArgumentException("both groups must be of one task, were " + cheaper.task() + " and "
                    + expensive.task());
        }
        ProportionDifference success = ProportionDifference.of(cheaper.successes(), cheaper.executions(),
                expensive.successes(), expensive.executions(), s.successMargin(), true, s.alpha());
        ProportionDifference handoff = ProportionDifference.of(cheaper.handoffs(), cheaper.executions(),
                expensive.handoffs(), expensive.executions(), s.handoffMargin(), false, s.alpha());
        boolean ratable = cheaper.ratingCount() >= s.minRatings() && expensive.ratingCount() >= s.minRatings();
        MeanNonInferiority rating = ratable
                ? MeanNonInferiority.of(values(cheaper), values(expensive), s.ratingMargin(), s.alpha()) : null;
        double[] niHolm = HolmCorrection.adjust(ratable
                ? new double[] {success.nonInferiorityPValue(), handoff.nonInferiorityPValue(), rating.nonInferiorityPValue()}
                : new double[] {success.nonInferiorityPValue(), handoff.nonInferiorityPValue()});
        double[] diffHolm = HolmCorrection.adjust(ratable
                ? new double[] {success.pValue(), handoff.pValue(), rating.pValue()}
                : new double[] {success.pValue(), handoff.pValue()});
        List<MetricTest> metrics = new ArrayList<>();
        metrics.add(rate("success_rate", success, niHolm[0], diffHolm[0], true, s.alpha()));
        metrics.add(rate("handoff_rate", handoff, niHolm[1], diffHolm[1], false, s.alpha()));
        if (ratable) {
            metrics.add(new MetricTest("mean_rating", true, "welch_t_non_inferiority+mann_whitney_u", rating.n1(),
                    rating.n2(), rating.mean1(), rating.mean2(), rating.difference(), rating.ciLow(), rating.ciHigh(),
                    rating.pValue(), diffHolm[2], rating.margin(), rating.nonInferiorityPValue(), niHolm[2],
                    rating.power(), null, niHolm[2] < s.alpha(), diffHolm[2] < s.alpha() && rating.difference() < 0));
        } else {
            metrics.add(new MetricTest("mean_rating", false, null, cheaper.ratingCount(), expensive.ratingCount(), null,
                    null, null, null, null, null, null, s.ratingMargin(), null, null, null, (long) s.minRatings(),
                    false, false));
        }
        BigDecimal cheap = costPerExecution(cheaper);
        BigDecimal dear = costPerExecution(expensive);
        BigDecimal savings = dear.subtract(cheap).multiply(BigDecimal.valueOf(expensive.recentExecutions()))
                .setScale(9, RoundingMode.HALF_EVEN);
        Verdict verdict;
        String reason;
        if (cheaper.executions() < s.minExecutions() || expensive.executions() < s.minExecutions()) {
            verdict = Verdict.INSUFFICIENT_DATA;
            reason = "at least " + s.minExecutions() + " executions per model are needed; " + cheaper.model() + " has "
                    + cheaper.executions() + ", " + expensive.model() + " has " + expensive.executions();
        } else {
            List<String> worse = new ArrayList<>();
            List<String> powered = new ArrayList<>();
            List<String> underpowered = new ArrayList<>();
            for (MetricTest m : metrics) {
                if (!m.tested()) {
                    continue;
                }
                if (m.significantlyWorse()) {
                    worse.add(m.metric() + " (Holm-adjusted p = " + round(m.pValueHolm()) + ")");
                } else if (!m.nonInferior()) {
                    (m.power() >= ProportionDifference.TARGET_POWER ? powered : underpowered).add(m.metric()
                            + " (non-inferiority p = " + round(m.nonInferiorityPValueHolm()) + ", power "
                            + round(m.power()) + (m.neededPerModel() == null ? "" : ", about " + m.neededPerModel()
                            + " executions per model needed") + ")");
                }
            }
            if (!worse.isEmpty()) {
                verdict = Verdict.NOT_RECOMMENDED;
                reason = cheaper.model() + " is significantly worse on " + String.join(", ", worse);
            } else if (!powered.isEmpty()) {
                verdict = Verdict.NOT_RECOMMENDED;
                reason = "could not show " + cheaper.model() + " is within the margin on " + String.join(", ", powered)
                        + " although the test had the power to";
            } else if (!underpowered.isEmpty()) {
                verdict = Verdict.INCONCLUSIVE;
                reason = "too little data to show " + cheaper.model() + " is within the margin on "
                        + String.join(", ", underpowered);
            } else {
                verdict = Verdict.RECOMMENDED;
                reason = cheaper.model() + " is not worse than " + expensive.model() + " beyond the margins on "
                        + String.join(", ", metrics.stream().filter(MetricTest::tested).map(MetricTest::metric).toList())
                        + " (Holm-adjusted, alpha " + s.alpha() + ")"
                        + (ratable ? "" : "; ratings not tested: fewer than " + s.minRatings() + " per model");
            }
        }
        return new SubstitutionTest(cheaper.task(), cheaper, expensive, cheap, dear, metrics, verdict, reason, savings);
    }

    private static MetricTest rate(String name, ProportionDifference d, double niHolm, double diffHolm,
            boolean higherIsBetter, double alpha) {
        boolean worseDirection = higherIsBetter ? d.difference() < 0 : d.difference() > 0;
        return new MetricTest(name, true, "newcombe_ci+fisher_exact+agresti_caffo_non_inferiority", d.n1(), d.n2(),
                d.successes1() / (double) d.n1(), d.successes2() / (double) d.n2(), d.difference(), d.ciLow(),
                d.ciHigh(), d.pValue(), diffHolm, d.margin(), d.nonInferiorityPValue(), niHolm, d.power(),
                d.neededPerGroup(), niHolm < alpha, diffHolm < alpha && worseDirection);
    }

    private static double[] values(ModelOutcomes.Group g) {
        double[] values = new double[Math.toIntExact(g.ratingCount())];
        int i = 0;
        for (Map.Entry<Double, Long> e : g.ratings().entrySet()) {
            for (long k = 0; k < e.getValue(); k++) {
                values[i++] = e.getKey();
            }
        }
        return values;
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
