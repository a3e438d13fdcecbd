package dev.sextant.analytics.insights;

import dev.sextant.analytics.EffectSize;
import dev.sextant.store.RatingChange;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * An agent's mean {@code user_rating} in the current period against the previous one: Welch's
 * t-test from the two samples' count, mean and variance (Commons Math {@link TTest}, unequal
 * variances). Ratings that do not vary at all on either side cannot be tested.
 */
final class SatisfactionDetector implements Detector {
    static final String KIND = "agent_satisfaction";
    static final int MIN_RATINGS = 10;

    @Override
    public Detection detect(InsightData data) {
        Detection.Builder result = new Detection.Builder(KIND, "at least " + MIN_RATINGS
                + " user_rating scores of the agent in each period");
        for (RatingChange r : data.ratings()) {
            if (r.currentN() < MIN_RATINGS || r.baselineN() < MIN_RATINGS) {
                result.skipped();
                continue;
            }
            double cv = r.currentVariance();
            double bv = r.baselineVariance();
            if (cv + bv == 0) {
                result.untestable();
                continue;
            }
            double p = new TTest().tTest(summary(r.currentMean(), cv, r.currentN()), summary(r.baselineMean(), bv, r.baselineN()));
            String title = "Agent " + r.key() + "'s average rating " + (r.currentMean() >= r.baselineMean() ? "rose" : "fell")
                    + " to " + Figures.rating(r.currentMean()) + " from " + Figures.rating(r.baselineMean()) + " ("
                    + r.currentN() + " and " + r.baselineN() + " ratings)";
            result.tested(new Finding(KIND, Map.of("agent_id", r.key()), Finding.direction(r.currentMean(), r.baselineMean()),
                    Finding.impact(r.currentMean(), r.baselineMean(), true), title,
                    Finding.Numbers.of("rating", r.currentMean(), r.baselineMean(), null, r.currentN(), null, r.baselineN()),
                    "welch_t", p, EffectSize.cohensD(r.currentMean(), cv, r.baselineMean(), bv), "cohens_d", r.currentN(),
                    InsightLinks.of(data.periods()).interactions("agent_id", r.key())
                            .trend("satisfaction", "agent", "agent_id", r.key()).build()));
        }
        return result.build();
    }

    private static StatisticalSummaryValues summary(double mean, double variance, long n) {
        return new StatisticalSummaryValues(mean, variance, n, Double.NaN, Double.NaN, mean * n);
    }
}
