package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Median, MAD and robust z against values worked out by hand. */
class RobustBaselineTest {

    /**
     * The worked example of the Wikipedia article "Median absolute deviation": data
     * 1, 1, 2, 2, 4, 6, 9 has median 2, absolute deviations 1, 1, 0, 0, 2, 4, 7, whose median
     * (the MAD) is 1.
     */
    @Test
    void theWikipediaExample() {
        RobustBaseline b = RobustBaseline.of(1, 1, 2, 2, 4, 6, 9);

        assertThat(b.median()).isEqualTo(2.0);
        assertThat(b.mad()).isEqualTo(1.0);
        assertThat(b.scale()).isEqualTo(1.4826);
        assertThat(b.size()).isEqualTo(7);
        // (9 - 2) / 1.4826
        assertThat(b.z(9)).isCloseTo(4.7214353163, within(1e-9));
    }

    /** Even count: median of 2, 4, 6, 8 is 5; deviations 3, 1, 1, 3 have median 2. */
    @Test
    void anEvenCountTakesTheMeanOfTheMiddlePair() {
        RobustBaseline b = RobustBaseline.of(8, 2, 6, 4);

        assertThat(b.median()).isEqualTo(5.0);
        assertThat(b.mad()).isEqualTo(2.0);
        assertThat(b.scale()).isCloseTo(2.9652, within(1e-12));
        assertThat(b.z(2)).isCloseTo(-3 / 2.9652, within(1e-12));
    }

    /**
     * One wild value barely moves the median and not the MAD: 1, 2, 3, 4, 100 has median 3 and
     * deviations 2, 1, 0, 1, 97, MAD 1; the mean (22) and the standard deviation (43.6) would be
     * dragged far off by the 100.
     */
    @Test
    void anOutlierDoesNotInflateTheSpread() {
        RobustBaseline b = RobustBaseline.of(1, 2, 3, 4, 100);

        assertThat(b.median()).isEqualTo(3.0);
        assertThat(b.mad()).isEqualTo(1.0);
        assertThat(b.z(10)).isCloseTo(7 / 1.4826, within(1e-12));
    }

    @Test
    void aConstantBaselineHasNoZ() {
        RobustBaseline b = RobustBaseline.of(5, 5, 5, 7);

        assertThat(b.median()).isEqualTo(5.0);
        assertThat(b.mad()).isZero();
        assertThat(b.varies()).isFalse();
        assertThatThrownBy(() -> b.z(6)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyOrNonFiniteBaselinesAreRefused() {
        assertThatThrownBy(RobustBaseline::of).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> RobustBaseline.of(1, Double.NaN)).hasMessageContaining("finite");
    }
}
