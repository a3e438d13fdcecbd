package dev.sextant.server.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sextant.analytics.SubstitutionSettings;
import dev.sextant.analytics.SubstitutionTest;
import dev.sextant.store.ModelOutcomes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Model substitution recommendations as the API answers them: every compared pair with its
 * numbers and verdict ({@code recommend} true only for "recommended"), and the tasks that run on a
 * single model (nothing to compare).
 */
record CostRecommendationsView(Instant dataAsOf, String task, Instant volumeFrom, Instant volumeTo,
        Settings settings, List<Comparison> comparisons, List<SingleModelTask> singleModelTasks) {

    record Settings(double successMargin, double handoffMargin, double ratingMargin, double alpha, int minExecutions,
            int minRatings) {
    }

    record Comparison(String task, boolean recommend, String verdict, String reason, ModelView cheaperModel,
            ModelView expensiveModel, List<MetricView> metrics, BigDecimal projectedMonthlySavingsUsd,
            BigDecimal costPerExecutionDifferenceUsd,
            @JsonProperty("expensive_executions_last_30_days") long expensiveExecutionsLast30Days) {
    }

    record ModelView(String model, long executions, long successes, double successRate, long handoffs,
            double handoffRate, long ratings, Double meanRating, BigDecimal totalCostUsd,
            BigDecimal costPerExecutionUsd,
            @JsonProperty("executions_last_30_days") long executionsLast30Days) {

        static ModelView of(ModelOutcomes.Group g, BigDecimal costPerExecution) {
            double sum = 0;
            for (Map.Entry<Double, Long> e : g.ratings().entrySet()) {
                sum += e.getKey() * e.getValue();
            }
            long ratings = g.ratingCount();
            return new ModelView(g.model(), g.executions(), g.successes(), g.successes() / (double) g.executions(),
                    g.handoffs(), g.handoffs() / (double) g.executions(), ratings, ratings == 0 ? null : sum / ratings,
                    g.totalCostUsd(), costPerExecution, g.recentExecutions());
        }
    }

    /** {@link SubstitutionTest.MetricTest} with the p-value names spelt out ({@code p_value}, not {@code pvalue}). */
    record MetricView(String metric, boolean tested, String test, long nCheaper, long nExpensive, Double cheaper,
            Double expensive, Double difference, Double ciLow, Double ciHigh, Double pValue, Double pValueHolm,
            Double margin, @JsonProperty("non_inferiority_p_value") Double nonInferiorityPValue,
            @JsonProperty("non_inferiority_p_value_holm") Double nonInferiorityPValueHolm, Double power,
            Long neededPerModel, boolean nonInferior, boolean significantlyWorse) {

        static MetricView of(SubstitutionTest.MetricTest m) {
            return new MetricView(m.metric(), m.tested(), m.test(), m.nCheaper(), m.nExpensive(), m.cheaper(),
                    m.expensive(), m.difference(), m.ciLow(), m.ciHigh(), m.pValue(), m.pValueHolm(), m.margin(),
                    m.nonInferiorityPValue(), m.nonInferiorityPValueHolm(), m.power(), m.neededPerModel(),
                    m.nonInferior(), m.significantlyWorse());
        }
    }

    record SingleModelTask(String task, String model, long executions, BigDecimal costPerExecutionUsd) {
    }

    static CostRecommendationsView of(ModelOutcomes outcomes, ModelOutcomes.Query query, SubstitutionSettings s,
            List<SubstitutionTest> tests, int limit, Instant queriedAt) {
        Map<String, Long> modelsPerTask = outcomes.groups().stream().collect(
                java.util.stream.Collectors.groupingBy(ModelOutcomes.Group::task, java.util.stream.Collectors.counting()));
        List<SingleModelTask> single = outcomes.groups().stream().filter(g -> modelsPerTask.get(g.task()) == 1)
                .limit(limit)
                .map(g -> new SingleModelTask(g.task(), g.model(), g.executions(),
                        g.totalCostUsd().divide(BigDecimal.valueOf(g.executions()), 9, RoundingMode.HALF_EVEN)))
                .toList();
        List<Comparison> comparisons = tests.stream().limit(limit).map(t -> new Comparison(t.task(),
                t.verdict() == SubstitutionTest.Verdict.RECOMMENDED, t.verdict().wire(), t.reason(),
                ModelView.of(t.cheaper(), t.cheaperCostPerExecutionUsd()),
                ModelView.of(t.expensive(), t.expensiveCostPerExecutionUsd()),
                t.metrics().stream().map(MetricView::of).toList(),
                t.projectedMonthlySavingsUsd(),
                t.expensiveCostPerExecutionUsd().subtract(t.cheaperCostPerExecutionUsd()),
                t.expensive().recentExecutions())).toList();
        return new CostRecommendationsView(outcomes.dataAsOf() == null ? queriedAt : outcomes.dataAsOf(),
                query.task().wire(), query.volumeFrom(), query.volumeTo(),
                new Settings(s.successMargin(), s.handoffMargin(), s.ratingMargin(), s.alpha(), s.minExecutions(),
                        s.minRatings()), comparisons, single);
    }
}
