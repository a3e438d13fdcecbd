package dev.sextant.analytics.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Overfitting on synthetic curves with a planted onset, values worked by hand. */
class OverfittingTest {

    /**
     * Training loss falls by 0.1 per evaluation after index 2; validation bottoms out at index 3
     * (0.65) and then rises by 0.05 per evaluation. Last five evaluations (3..7): validation
     * slope +0.05, training slope -0.1. Final gap 0.85 - 0.1 = 0.75; gap at best 0.65 - 0.5 = 0.15.
     */
    @Test
    void aPlantedOverfitIsFoundAtTheBestValidationLoss() {
        double[] train = {1.0, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1};
        double[] val = {1.1, 0.9, 0.7, 0.65, 0.7, 0.75, 0.8, 0.85};

        OverfittingResult r = Overfitting.detect(train, val);

        assertThat(r.overfitting()).isTrue();
        assertThat(r.onsetIndex()).isEqualTo(3);
        assertThat(r.finalGap()).isCloseTo(0.75, within(1e-12));
        assertThat(r.gapAtBest()).isCloseTo(0.15, within(1e-12));
        assertThat(r.validationSlope()).isCloseTo(0.05, within(1e-12));
        assertThat(r.trainingSlope()).isCloseTo(-0.1, within(1e-12));
    }

    /** Both losses fall: no overfitting even with a widening gap. */
    @Test
    void bothFallingIsNotOverfitting() {
        double[] train = {1.0, 0.8, 0.6, 0.4, 0.2};
        double[] val = {1.0, 0.9, 0.8, 0.7, 0.6};

        OverfittingResult r = Overfitting.detect(train, val);

        assertThat(r.overfitting()).isFalse();
        assertThat(r.onsetIndex()).isEqualTo(-1);
        assertThat(r.finalGap()).isCloseTo(0.4, within(1e-12));
    }

    /** Validation rising while training also rises is divergence, not overfitting. */
    @Test
    void bothRisingIsNotOverfitting() {
        double[] train = {0.1, 0.2, 0.3, 0.4, 0.5};
        double[] val = {0.2, 0.3, 0.4, 0.5, 0.6};

        assertThat(Overfitting.detect(train, val).overfitting()).isFalse();
    }

    /**
     * The NaN training loss at index 7 drops that pair; the window is then indices 2..6:
     * validation 0.7, 0.65, 0.7, 0.75, 0.8 around mean 0.74 at x mean 4, slope
     * (0.08 + 0.09 + 0 + 0.01 + 0.12) / 10 = 0.03; training slope -0.1. Final gap at index 6:
     * 0.8 - 0.2 = 0.6.
     */
    @Test
    void nonFinitePairsAreSkipped() {
        double[] train = {1.0, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2, Double.NaN};
        double[] val = {1.1, 0.9, 0.7, 0.65, 0.7, 0.75, 0.8, 0.85};

        OverfittingResult r = Overfitting.detect(train, val);

        assertThat(r.overfitting()).isTrue();
        assertThat(r.validationSlope()).isCloseTo(0.03, within(1e-12));
        assertThat(r.finalGap()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void emptySeriesHasNoFinding() {
        OverfittingResult r = Overfitting.detect(new double[0], new double[0]);

        assertThat(r.overfitting()).isFalse();
        assertThat(r.onsetIndex()).isEqualTo(-1);
        assertThat(r.finalGap()).isNaN();
        assertThat(r.gapAtBest()).isNaN();
    }

    /** One evaluation: the gap is known (0.3 - 0.2), the slopes are not. */
    @Test
    void onePointGivesAGapButNoSlopes() {
        OverfittingResult r = Overfitting.detect(new double[] {0.2}, new double[] {0.3});

        assertThat(r.overfitting()).isFalse();
        assertThat(r.finalGap()).isCloseTo(0.1, within(1e-12));
        assertThat(r.trainingSlope()).isNaN();
        assertThat(r.validationSlope()).isNaN();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> Overfitting.detect(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("training and validation series differ in length: 2 and 3");
        assertThatThrownBy(() -> Overfitting.detect(new double[2], new double[2], 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the overfitting window needs at least 2 evaluations, was 1");
    }
}
