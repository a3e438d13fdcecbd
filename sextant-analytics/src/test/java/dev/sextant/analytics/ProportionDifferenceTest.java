package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionDifferenceTest {

    /** Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, Wilson (method 3). */
    @Test
    void wilsonIntervalsOfNewcombe1998a() {
        assertThat(ProportionDifference.wilson(81, 263)).containsExactly(new double[] {0.2553, 0.3662}, within(5e-5));
        assertThat(ProportionDifference.wilson(15, 148)).containsExactly(new double[] {0.0624, 0.1605}, within(5e-5));
        assertThat(ProportionDifference.wilson(0, 20)).containsExactly(new double[] {0.0, 0.1611}, within(5e-5));
    }

    /**
     * Newcombe (1998), "Interval estimation for the difference between independent proportions",
     * Stat Med 17:873-890, method 10 (hybrid score, no continuity correction): 56/70 − 48/80 gives
     * 0.0524 to 0.3339, 9/10 − 3/10 gives 0.1705 to 0.8090.
     */
    @Test
    void hybridScoreIntervalsOfNewcombe1998b() {
        ProportionDifference a = ProportionDifference.of(56, 70, 48, 80, 0.05, true, 0.05);
        assertThat(a.difference()).isCloseTo(0.2, within(1e-12));
        assertThat(a.ciLow()).isCloseTo(0.0524, within(5e-5));
        assertThat(a.ciHigh()).isCloseTo(0.3339, within(5e-5));
        ProportionDifference b = ProportionDifference.of(9, 10, 3, 10, 0.05, true, 0.05);
        assertThat(b.ciLow()).isCloseTo(0.1705, within(5e-5));
        assertThat(b.ciHigh()).isCloseTo(0.8090, within(5e-5));
    }

    /**
     * 90/100 against 92/100, margin 0.05, by hand: Agresti–Caffo rates 91/102 and 93/102, standard
     * error sqrt((91·11 + 93·9) / 102² / 102) = 0.0416172; z = (91/102 − 93/102 + 0.05) / se = 0.730279,
     * p = 1 − Φ(z) = 0.232610. Power Φ(0.05 / se − 1.644854) = 0.328729; sample for 80% power
     * (1.644854 + 0.841621)² · (0.176663) / 0.05² = 436.9 → 437. Fisher two-sided 0.805598
     * (scipy.stats.fisher_exact([[90, 10], [92, 8]])).
     */
    @Test
    void nonInferiorityByHand() {
        ProportionDifference d = ProportionDifference.of(90, 100, 92, 100, 0.05, true, 0.05);
        assertThat(d.difference()).isCloseTo(-0.02, within(1e-12));
        assertThat(d.nonInferiorityPValue()).isCloseTo(0.232610, within(1e-6));
        assertThat(d.power()).isCloseTo(0.328729, within(1e-6));
        assertThat(d.neededPerGroup()).isEqualTo(437);
        assertThat(d.pValue()).isCloseTo(0.805598, within(1e-6));
        // lower is better (hand-offs): 8/100 against 10/100 is the same distance on the good side
        ProportionDifference h = ProportionDifference.of(10, 100, 8, 100, 0.05, false, 0.05);
        assertThat(h.nonInferiorityPValue()).isCloseTo(0.232610, within(1e-6));
        assertThat(h.pValue()).isCloseTo(FisherExactTest.twoSided(10, 90, 8, 92), within(1e-15));
    }

    @Test
    void staysDefinedAtZeroAndOneHundredPercent() {
        ProportionDifference d = ProportionDifference.of(400, 400, 400, 400, 0.05, true, 0.05);
        assertThat(d.ciLow()).isLessThan(0).isGreaterThan(-0.05);
        assertThat(d.ciHigh()).isGreaterThan(0).isLessThan(0.05);
        assertThat(d.pValue()).isCloseTo(1.0, within(1e-12));
        assertThat(d.nonInferiorityPValue()).isLessThan(1e-6);
        assertThatThrownBy(() -> ProportionDifference.of(5, 4, 1, 4, 0.05, true, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
