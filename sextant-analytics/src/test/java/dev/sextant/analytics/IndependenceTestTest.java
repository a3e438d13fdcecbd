package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.Association.Status;
import org.junit.jupiter.api.Test;

class IndependenceTestTest {

    /**
     * Hand-computed 2 x 2: rows (10, 20) and (30, 40); totals 30, 70 and 40, 60 of 100, so the
     * expected counts are 12, 18, 28, 42 and chi-square = 4/12 + 4/18 + 4/28 + 4/42 = 50/63. With
     * one degree of freedom the p-value is erfc(sqrt(chi-square / 2)) = 0.37299848361348...
     */
    @Test
    void knownAnswerTwoByTwo() {
        Association a = IndependenceTest.test(new long[][] {{10, 20}, {30, 40}});

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
        Association a = IndependenceTest.test(new long[][] {
                {90, 60, 104, 95}, {30, 50, 51, 20}, {30, 40, 45, 35}});

        assertThat(a.chiSquare()).isCloseTo(24.5712028585826, within(1e-9));
        assertThat(a.degreesOfFreedom()).isEqualTo(6);
        assertThat(a.pValue()).isCloseTo(0.000409842586109670, within(1e-12));
        assertThat(a.significant()).isTrue();
        assertThat(a.method()).isEqualTo("chi_square");
        assertThat(a.reason()).startsWith("associated: chi-square 24.5712 with 6 degrees of freedom");
    }

    @Test
    void eventsPerCategoryBecomeATwoColumnTable() {
        Association a = IndependenceTest.ofEvents(new long[] {30, 70}, new long[] {10, 30});
        assertThat(a.chiSquare()).isCloseTo(50.0 / 63, within(1e-12));
    }

    @Test
    void tooThinATableIsInsufficientDataWithTheCounts() {
        Association one = IndependenceTest.ofEvents(new long[] {40, 0}, new long[] {3, 0});
        assertThat(one.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(one.pValue()).isNull();
        assertThat(one.significant()).isNull();
        assertThat(one.reason()).isEqualTo("insufficient data: needs at least 2 categories with observations, had 1"
                + " (40 observations)");

        Association never = IndependenceTest.ofEvents(new long[] {40, 50}, new long[] {0, 0});
        assertThat(never.reason()).isEqualTo(
                "insufficient data: the outcome never occurred in 90 observations; there is nothing to relate");
        Association always = IndependenceTest.ofEvents(new long[] {4, 6}, new long[] {4, 6});
        assertThat(always.reason()).contains("the outcome occurred in all 10 observations");
        Association column = IndependenceTest.test(new long[][] {{0, 5}, {0, 7}});
        assertThat(column.reason()).contains("outcome class 0 never occurred in 12 observations");

        // 3 categories, expected counts down to 4 x 12 / 44 = 1.09: no exact test for 3 x 2 here
        Association sparse = IndependenceTest.ofEvents(new long[] {4, 36, 4}, new long[] {2, 10, 0});
        assertThat(sparse.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(sparse.method()).isNull();
        assertThat(sparse.minExpected()).isCloseTo(48 / 44.0, within(1e-12));
        assertThat(sparse.reason()).contains("1.09, below 5 (44 observations over 3 categories)");
    }

    /**
     * Fisher's "lady tasting tea": (3, 1 | 1, 3). With margins 4 and 4 of 8 the top-left count is
     * hypergeometric, P(0..4) = 1, 16, 36, 16, 1 over 70; the tables no likelier than the observed
     * one (16/70) sum to 34/70 = 0.4857142857 (R's fisher.test gives 0.4857).
     */
    @Test
    void smallTwoByTwoTablesGetFishersExactTest() {
        Association tea = IndependenceTest.test(new long[][] {{3, 1}, {1, 3}});
        assertThat(tea.status()).isEqualTo(Status.TESTED);
        assertThat(tea.method()).isEqualTo("fisher_exact");
        assertThat(tea.chiSquare()).isNull();
        assertThat(tea.pValue()).isCloseTo(34 / 70.0, within(1e-12));
        assertThat(tea.significant()).isFalse();
        assertThat(tea.reason()).isEqualTo("no significant association: Fisher's exact test (the smallest expected"
                + " count, 2.00, is below 5), p = 0.4857 >= 0.05");
    }

    /**
     * The dieting example of Wikipedia's "Fisher's exact test" article: (1, 9 | 11, 3) (men and
     * women, dieting or not); the article gives the two-sided p as 0.002759. Its smallest expected
     * count is exactly 5 (10 × 12 / 24), enough for the chi-square test, so the exact test is
     * checked directly here.
     */
    @Test
    void knownAnswerFisherFromWikipedia() {
        assertThat(FisherExactTest.twoSided(1, 9, 11, 3)).isCloseTo(0.0027594561852200836, within(1e-12));
        Association a = IndependenceTest.test(new long[][] {{1, 9}, {11, 3}});
        assertThat(a.minExpected()).isCloseTo(5.0, within(1e-12));
        assertThat(a.method()).isEqualTo("chi_square");
    }

    @Test
    void badCountsAreRefused() {
        assertThatThrownBy(() -> IndependenceTest.ofEvents(new long[] {3}, new long[] {4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and observations");
        assertThatThrownBy(() -> IndependenceTest.test(new long[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
