package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

class RankSumTestTest {

    @Test
    void handComputedExampleWithTies() {
        // x = {1, 2, 2, 3, 5}, y = {2, 4, 4, 6, 7, 8}. Ranks of the 11 values: 1 -> 1; the three 2s -> 3;
        // 3 -> 5; the two 4s -> 6.5; 5 -> 8; 6, 7, 8 -> 9, 10, 11. R(x) = 1 + 3 + 3 + 5 + 8 = 20, U = 20 - 15 = 5.
        // Ties: (27 - 3) + (8 - 2) = 30. Var = 30 / 12 * (12 - 30 / 110) = 29.3181818; z = -10 / 5.4146 = -1.84685;
        // p = 2 Phi(-1.84685) = 0.064769 (scipy mannwhitneyu, asymptotic, no continuity correction: 0.06476896969888761)
        RankSumTest.Result r = RankSumTest.of(20, 5, 6, 30);
        assertThat(r.u()).isEqualTo(5.0);
        assertThat(r.z()).isCloseTo(-1.8468491, within(1e-6));
        assertThat(r.pValue()).isCloseTo(0.06476896969888761, within(1e-12));
        assertThat(r.effect()).isCloseTo(2 * 5 / 30.0 - 1, within(1e-12));
    }

    @Test
    void withoutTiesItIsCommonsMathsMannWhitney() {
        double[] x = {0.8, 1.9, 3.3, 4.1, 7.7, 9.2, 10.5};
        double[] y = {2.5, 5.0, 5.6, 6.1, 8.4, 11.0, 12.3, 13.9, 14.2};
        // ranks of x among all 16: 0.8->1, 1.9->2, 3.3->4, 4.1->5, 7.7->9, 9.2->11, 10.5->12
        double rankSum = 1 + 2 + 4 + 5 + 9 + 11 + 12;
        RankSumTest.Result r = RankSumTest.of(rankSum, x.length, y.length, 0);
        // R = 44, U(x) = 44 - 7 * 8 / 2 = 16; Commons Math reports the larger of U(x) and U(y) = 7 * 9 - 16 = 47
        assertThat(r.u()).isEqualTo(16.0);
        assertThat(new MannWhitneyUTest().mannWhitneyU(x, y)).isEqualTo(47.0);
        assertThat(r.pValue()).isCloseTo(new MannWhitneyUTest().mannWhitneyUTest(x, y), within(1e-12));
    }

    @Test
    void allValuesTiedIsNoEvidence() {
        // 3 + 4 equal values: every rank is 4, R = 12, tie term 7^3 - 7 = 336, the variance is 0
        RankSumTest.Result r = RankSumTest.of(12, 3, 4, 336);
        assertThat(r.pValue()).isEqualTo(1.0);
    }
}
