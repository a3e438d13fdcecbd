package dev.sextant.analytics;

import dev.sextant.analytics.TrendVerdict.Trend;
import dev.sextant.store.TrendQuery.Metric;
import dev.sextant.store.TrendResult.Bucket;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Classes a series as improving, stable or declining from an ordinary least-squares line over
 * (bucket index, value) for the buckets that have a value. The slope counts only when its
 * two-sided p-value (t-test of slope = 0, Commons Math {@link SimpleRegression}) is below
 * {@link #SIGNIFICANCE}; with fewer than {@link #MIN_POINTS} points the series is stable.
 */
public final class TrendClassifier {
    public static final double SIGNIFICANCE = 0.05;
    public static final int MIN_POINTS = 3;

    private TrendClassifier() {
    }

    public static TrendVerdict classify(Metric metric, List<Bucket> buckets) {
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < buckets.size(); i++) {
            Double value = buckets.get(i).value();
            if (value != null) {
                regression.addData(i, value);
            }
        }
        int points = (int) regression.getN();
        if (points < MIN_POINTS) {
            return new TrendVerdict(Trend.STABLE, null, null, points,
                    "stable: " + points + " bucket(s) with a value, at least " + MIN_POINTS + " are needed for a trend");
        }
        double slope = regression.getSlope();
        double p = regression.getSignificance();
        if (Double.isNaN(p)) {
            // every value equal (no residual variance and zero slope) or every x equal
            return new TrendVerdict(Trend.STABLE, slope, null, points,
                    "stable: the slope's p-value is undefined over " + points + " buckets (values do not vary)");
        }
        if (p >= SIGNIFICANCE || slope == 0) {
            return new TrendVerdict(Trend.STABLE, slope, p, points,
                    "stable: slope " + slope + " per bucket is not significant (p = " + p + " >= " + SIGNIFICANCE
                            + ") over " + points + " buckets");
        }
        boolean rising = slope > 0;
        boolean better = rising == (Direction.of(metric) == Direction.HIGHER_IS_BETTER);
        Trend trend = better ? Trend.IMPROVING : Trend.DECLINING;
        return new TrendVerdict(trend, slope, p, points,
                trend.name().toLowerCase() + ": " + metric.wire() + (rising ? " rises " : " falls ") + Math.abs(slope)
                        + " per bucket (p = " + p + " < " + SIGNIFICANCE + ") over " + points + " buckets");
    }
}
