package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.Association.Status;
import org.junit.jupiter.api.Test;

class ChiSquareIndependenceTest {

    /**
     * Hand-computed 2 x 2: rows (10, 20) and (30, 40); totals 30, 70 and 40, 60 of 100, so the
     * expected counts are 12, 18, 28, 42 and chi-square = 4/12 + 4/18 + 4/28 + 4/42 = 50/63. With
     * one degree of freedom the p-value is erfc(sqrt(chi-square / 2)) = 0.37299848361348...
     */
    @Test
    void knownAnswerTwoByTwo() {
        Association a = ChiSquareIndependence.test(new long[][] {{10, 20}, {30, 40}});

        assertThat(a.status()).isEqualTo(Status.TESTED);
        assertThat(a.chiSquare()).isCloseTo(50.0 / 63, within(1e-12));
        assertThat(a.pValue()).isCloseTo(0.372998483613487, within(1e-9));
        assertThat(a.degreesOfFreedom()).isEqualTo(1);
        assertThat(a.minExpected()).isCloseTo(12.0, within(1e-12));
        assertThat(a.samples()).isEqualTo(100);
        assertThat(a.significant()).isFalse();
    }

    /**
     * The occupation-by-neighbourhood example of Wikipedia's "Chi-squared test" article (650
     * residents; rows white, blue and no collar over neighbourhoods A-D), where the statistic is
     * given as about 24.6 with 6 degrees of freedom. By hand it is 24.5712028585826; for an even
     * number of degrees of freedom 2m the p-value is exp(-x/2) times the sum of (x/2)^i / i! for
     * i below m, here 0.000409842586109670.
     */
    @Test
    void knownAnswerThreeByFourFromWikipedia() {
        Association a = ChiSquareIndependence.test(new long[][] {
                {90, 60, 104, 95}, {30, 50, 51, 20}, {30, 40, 45, 35}});

        assertThat(a.chiSquare()).isCloseTo(24.5712028585826, within(1e-9));
        assertThat(a.degreesOfFreedom()).isEqualTo(6);
        assertThat(a.pValue()).isCloseTo(0.000409842586109670, within(1e-12));
        assertThat(a.significant()).isTrue();
        assertThat(a.reason()).startsWith("associated: chi-square 24.5712 with 6 degrees of freedom");
    }

    @Test
    void eventsPerCategoryBecomeATwoColumnTable() {
        Association a = ChiSquareIndependence.ofEvents(new long[] {30, 70}, new long[] {10, 30});
        assertThat(a.chiSquare()).isCloseTo(50.0 / 63, within(1e-12));
    }

    @Test
    void tooThinATableIsInsufficientDataWithTheCounts() {
        Association one = ChiSquareIndependence.ofEvents(new long[] {40, 0}, new long[] {3, 0});
        assertThat(one.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(one.pValue()).isNull();
        assertThat(one.significant()).isNull();
        assertThat(one.reason()).isEqualTo("insufficient data: needs at least 2 categories with observations, had 1"
                + " (40 observations)");

        Association never = ChiSquareIndependence.ofEvents(new long[] {40, 50}, new long[] {0, 0});
        assertThat(never.reason()).contains("never occurred in 90 observations");

        // expected counts: 4 x 12 / 40 = 1.2 in the smallest cell
        Association sparse = ChiSquareIndependence.ofEvents(new long[] {4, 36}, new long[] {2, 10});
        assertThat(sparse.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(sparse.minExpected()).isCloseTo(1.2, within(1e-12));
        assertThat(sparse.reason()).contains("1.20, below 5 (40 observations over 2 categories)");
    }

    @Test
    void badCountsAreRefused() {
        assertThatThrownBy(() -> ChiSquareIndependence.ofEvents(new long[] {3}, new long[] {4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and observations");
        assertThatThrownBy(() -> ChiSquareIndependence.test(new long[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
