package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FisherExactTestTest {

    /**
     * Fisher's lady tasting tea (Fisher 1935): 3 of 4 cups right each way, [[3, 1], [1, 3]]. By hand:
     * the first cell is hypergeometric(8, 4, 4) with P(0..4) = 1, 16, 36, 16, 1 out of 70; tables at
     * most as probable as P(3) = 16/70 are 0, 1, 3, 4: (1 + 16 + 16 + 1) / 70 = 0.485714...
     */
    @Test
    void ladyTastingTea() {
        assertThat(FisherExactTest.twoSided(3, 1, 1, 3)).isCloseTo(34 / 70.0, within(1e-12));
        assertThat(FisherExactTest.twoSided(4, 0, 0, 4)).isCloseTo(2 / 70.0, within(1e-12));
    }

    /** Wikipedia, "Fisher's exact test": dieting by sex, [[1, 9], [11, 3]], two-sided p = 0.002759. */
    @Test
    void dietingExample() {
        assertThat(FisherExactTest.twoSided(1, 9, 11, 3)).isCloseTo(0.002759456, within(1e-9));
        // the orientation of the table does not change the answer
        assertThat(FisherExactTest.twoSided(1, 11, 9, 3)).isCloseTo(0.002759456, within(1e-9));
    }

    @Test
    void degenerateTablesAreOne() {
        assertThat(FisherExactTest.twoSided(0, 0, 0, 0)).isEqualTo(1.0);
        assertThat(FisherExactTest.twoSided(5, 0, 7, 0)).isCloseTo(1.0, within(1e-12));
        assertThatThrownBy(() -> FisherExactTest.twoSided(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
