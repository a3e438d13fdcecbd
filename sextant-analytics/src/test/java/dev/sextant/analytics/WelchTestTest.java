package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.Association.Status;
import org.junit.jupiter.api.Test;

class WelchTestTest {

    /**
     * Example 1 of Wikipedia's "Welch's t-test" article: A1 = 27.5, 21.0, 19.0, 23.6, 17.0, 17.9,
     * 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4 and A2 = 27.1, 22.0, 20.8, 23.4, 23.4,
     * 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4; the article gives t = -2.46,
     * 24.9 degrees of freedom and p = 0.021. Their summaries by hand: means 20.82 and
     * 22.98666..., sample variances 7.867428571... and 3.812666...; to more places t =
     * -2.455356398286006, d.f. 24.988529290231416, p = 0.021378001462866992.
     */
    @Test
    void knownAnswerFromWikipedia() {
        MeanDifference d = WelchTest.compare(15, 20.82, Math.sqrt(7.867428571428573), 15, 22.986666666666668,
                Math.sqrt(3.8126666666666678));

        assertThat(d.status()).isEqualTo(Status.TESTED);
        assertThat(d.t()).isCloseTo(-2.455356398286006, within(1e-9));
        assertThat(d.degreesOfFreedom()).isCloseTo(24.988529290231416, within(1e-9));
        assertThat(d.pValue()).isCloseTo(0.021378001462866992, within(1e-9));
        assertThat(d.difference()).isCloseTo(20.82 - 22.986666666666668, within(1e-12));
        assertThat(d.significant()).isTrue();
        assertThat(d.reason()).startsWith("different: Welch's t = -2.4554 with 25.0 degrees of freedom, p = 0.02138");
    }

    @Test
    void fewerThanFiveOnASideIsInsufficientData() {
        MeanDifference d = WelchTest.compare(4, 2.5, 1.0, 40, 4.1, 0.8);
        assertThat(d.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(d.pValue()).isNull();
        assertThat(d.difference()).isCloseTo(-1.6, within(1e-12));
        assertThat(d.reason()).isEqualTo("insufficient data: needs at least 5 values on each side, had 4 and 40");
        MeanDifference none = WelchTest.compare(0, null, null, 10, 4.0, 1.0);
        assertThat(none.difference()).isNull();
    }

    @Test
    void valuesThatDoNotVaryAreInsufficientData() {
        MeanDifference d = WelchTest.compare(5, 5.0, 0.0, 6, 4.0, 0.0);
        assertThat(d.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(d.reason()).contains("do not vary");
    }
}
