package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.TrendVerdict.Trend;
import dev.sextant.store.TrendQuery.Metric;
import dev.sextant.store.TrendResult.Bucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendClassifierTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * Hand-computed: x = 0..4, y = 1, 2, 4, 4, 6. Mean x 2, mean y 3.4, Sxx = 10, Sxy = 12, so
     * slope = 1.2, intercept 1.0; residuals 0, -0.2, 0.6, -0.6, 0.2, SSE = 0.8, s^2 = 0.8 / 3,
     * se(slope) = sqrt(s^2 / 10), t = 1.2 / se = sqrt(54) with 3 degrees of freedom. The Student t
     * CDF for 3 d.f. in closed form, F(t) = 1/2 + (a / (1 + a^2) + atan a) / pi with a = t / sqrt 3
     * = sqrt 18, gives the two-sided p = 2 (1 - F) = 0.005207858944662913.
     */
    private static final double KNOWN_P = 0.005207858944662913;

    @Test
    void knownAnswerSlopeAndPValue() {
        TrendVerdict v = TrendClassifier.classify(Metric.SATISFACTION, buckets(1.0, 2.0, 4.0, 4.0, 6.0));

        assertThat(v.slope()).isCloseTo(1.2, within(1e-12));
        assertThat(v.pValue()).isCloseTo(KNOWN_P, within(1e-9));
        assertThat(v.points()).isEqualTo(5);
        assertThat(v.trend()).isEqualTo(Trend.IMPROVING);
    }

    @Test
    void aRisingCostIsDeclining() {
        TrendVerdict v = TrendClassifier.classify(Metric.COST, buckets(1.0, 2.0, 4.0, 4.0, 6.0));

        assertThat(v.trend()).isEqualTo(Trend.DECLINING);
        assertThat(v.reason()).contains("rises").contains("5 buckets");
    }

    @Test
    void aFallingLatencyIsImproving() {
        TrendVerdict v = TrendClassifier.classify(Metric.LATENCY_P95, buckets(6.0, 4.0, 4.0, 2.0, 1.0));

        assertThat(v.slope()).isCloseTo(-1.2, within(1e-12));
        assertThat(v.pValue()).isCloseTo(KNOWN_P, within(1e-9));
        assertThat(v.trend()).isEqualTo(Trend.IMPROVING);
    }

    /** x = 0..3, y = 1, 3, 1, 3: slope = Sxy / Sxx = 2 / 5 = 0.4, far from significant. */
    @Test
    void aNoisySlopeIsStableAndSaysWhy() {
        TrendVerdict v = TrendClassifier.classify(Metric.ERROR_RATE, buckets(1.0, 3.0, 1.0, 3.0));

        assertThat(v.slope()).isCloseTo(0.4, within(1e-12));
        assertThat(v.pValue()).isGreaterThan(0.05);
        assertThat(v.trend()).isEqualTo(Trend.STABLE);
        assertThat(v.reason()).contains("not significant").contains("4 buckets");
    }

    @Test
    void fewerThanThreeValuesIsStable() {
        TrendVerdict v = TrendClassifier.classify(Metric.COST, buckets(1.0, null, 9.0, null));

        assertThat(v.trend()).isEqualTo(Trend.STABLE);
        assertThat(v.slope()).isNull();
        assertThat(v.pValue()).isNull();
        assertThat(v.points()).isEqualTo(2);
        assertThat(v.reason()).contains("2 bucket(s)").contains("at least 3");
    }

    @Test
    void emptyBucketsAreLeftOutOfTheFitButKeepTheirPlace() {
        // x = 0, 2, 3, 4 (1 is empty): y = 2x exactly, slope 2 whatever the gap
        TrendVerdict v = TrendClassifier.classify(Metric.INTERACTIONS, buckets(0.0, null, 4.0, 6.0, 8.0));

        assertThat(v.slope()).isCloseTo(2.0, within(1e-12));
        assertThat(v.points()).isEqualTo(4);
    }

    @Test
    void aFlatSeriesIsStable() {
        TrendVerdict v = TrendClassifier.classify(Metric.COST, buckets(3.0, 3.0, 3.0, 3.0));

        assertThat(v.trend()).isEqualTo(Trend.STABLE);
    }

    static List<Bucket> buckets(Double... values) {
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            buckets.add(new Bucket(T0.plusSeconds(3600L * i), values[i], values[i] == null ? 0 : 1));
        }
        return buckets;
    }
}
