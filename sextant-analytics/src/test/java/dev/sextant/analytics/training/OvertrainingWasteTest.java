package dev.sextant.analytics.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Wasted epochs and GPU hours when the best epoch comes early. */
class OvertrainingWasteTest {

    private static final double[] EPOCHS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    /** Best at epoch 4 of 10 (0.4 < 0.7): epochs 5..10 wasted, 6 of 10 of 20 GPU hours = 12. */
    @Test
    void anEarlyBestWastesTheRest() {
        double[] val = {1.0, 0.8, 0.6, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8};

        OvertrainingWasteResult r = OvertrainingWaste.compute(EPOCHS, val, 20);

        assertThat(r.overtrained()).isTrue();
        assertThat(r.bestEpoch()).isEqualTo(4);
        assertThat(r.lastEpoch()).isEqualTo(10);
        assertThat(r.bestFraction()).isCloseTo(0.4, within(1e-12));
        assertThat(r.wastedEpochs()).isEqualTo(6);
        assertThat(r.wastedGpuHours()).isCloseTo(12, within(1e-12));
    }

    /** Best at epoch 8 (0.8): not overtrained, nothing wasted. */
    @Test
    void aLateBestWastesNothing() {
        double[] val = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.45, 0.4, 0.41, 0.42};

        OvertrainingWasteResult r = OvertrainingWaste.compute(EPOCHS, val, 20);

        assertThat(r.overtrained()).isFalse();
        assertThat(r.wastedEpochs()).isZero();
        assertThat(r.wastedGpuHours()).isZero();
    }

    /** Best at exactly 70% (epoch 7 of 10) is not before 70%. */
    @Test
    void theCutoffItselfIsNotOvertraining() {
        double[] val = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.5, 0.6, 0.7};

        assertThat(OvertrainingWaste.compute(EPOCHS, val, 20).overtrained()).isFalse();
    }

    /** Without GPU hours the waste in hours is unknown; a NaN at the would-be best is skipped. */
    @Test
    void unknownHoursAndNanLosses() {
        double[] val = {1.0, Double.NaN, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3};

        OvertrainingWasteResult r = OvertrainingWaste.compute(EPOCHS, val, Double.NaN);

        assertThat(r.bestEpoch()).isEqualTo(3);
        assertThat(r.wastedEpochs()).isEqualTo(7);
        assertThat(r.wastedGpuHours()).isNaN();
    }

    @Test
    void emptyAndOnePoint() {
        OvertrainingWasteResult empty = OvertrainingWaste.compute(new double[0], new double[0], 5);
        assertThat(empty.overtrained()).isFalse();
        assertThat(empty.bestEpoch()).isNaN();
        assertThat(empty.wastedEpochs()).isZero();

        OvertrainingWasteResult one = OvertrainingWaste.compute(new double[] {1}, new double[] {0.5}, 5);
        assertThat(one.overtrained()).isFalse();
        assertThat(one.bestFraction()).isEqualTo(1.0);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> OvertrainingWaste.compute(new double[1], new double[2], 1))
                .hasMessage("epochs and validation loss differ in length: 1 and 2");
        assertThatThrownBy(() -> OvertrainingWaste.compute(new double[1], new double[1], -1))
                .hasMessage("gpuHours must be finite and >= 0 or NaN, was -1.0");
        assertThatThrownBy(() -> OvertrainingWaste.compute(new double[1], new double[1], 1, 1.5))
                .hasMessage("cutoff must be in (0, 1], was 1.5");
    }
}
