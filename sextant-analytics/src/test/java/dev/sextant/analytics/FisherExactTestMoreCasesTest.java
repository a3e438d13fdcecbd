package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FisherExactTestMoreCasesTest {

    @Test
    void fishersTeaTastingExample() {
        // Agresti, Categorical Data Analysis (2002) §3.5.1, Table 3.8: 3 of 4 cups guessed right;
        // two-sided P = 0.486 (R fisher.test: 0.4857 = 34/70)
        assertThat(FisherExactTest.twoSided(3, 1, 1, 3)).isCloseTo(34.0 / 70, within(1e-12));
    }

    @Test
    void wikipediasDietingExample() {
        // en.wikipedia.org "Fisher's exact test": men 1 dieting / 11 not, women 9 / 3;
        // one-tailed 0.001346, two-tailed 0.002759
        assertThat(FisherExactTest.twoSided(1, 9, 11, 3)).isCloseTo(0.0027594561852200836, within(1e-12));
    }

    @Test
    void aToolThatFailsMoreOften() {
        // 23 of 100 failed against 5 of 100; scipy.stats.fisher_exact([[23, 77], [5, 95]]) = 0.000367665712
        assertThat(FisherExactTest.twoSided(23, 77, 5, 95)).isCloseTo(0.00036766571207595466, within(1e-12));
    }

    @Test
    void largeAndExtremeTables() {
        // scipy.stats.fisher_exact([[230, 9770], [180, 9820]]) = 0.014384507748369834
        assertThat(FisherExactTest.twoSided(230, 9770, 180, 9820)).isCloseTo(0.014384507748369834, within(1e-12));
        // [[50, 0], [0, 50]]: the two extreme tables only, 2 / C(100, 50) = 1.9823306042836675e-29
        assertThat(FisherExactTest.twoSided(50, 0, 0, 50) / 1.9823306042836675e-29).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void identicalRowsAreNotEvidence() {
        assertThat(FisherExactTest.twoSided(5, 95, 5, 95)).isCloseTo(1.0, within(1e-9));
        assertThat(FisherExactTest.twoSided(0, 10, 0, 10)).isEqualTo(1.0);
    }

    @Test
    void negativeTablesAreRefusedAndAnEmptyOneIsNoEvidence() {
        assertThatThrownBy(() -> FisherExactTest.twoSided(-1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(FisherExactTest.twoSided(0, 0, 0, 0)).isEqualTo(1.0);
    }
}
