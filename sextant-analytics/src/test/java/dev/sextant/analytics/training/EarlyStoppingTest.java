package dev.sextant.analytics.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Early stopping with patience and min-delta, counted by hand. */
class EarlyStoppingTest {

    /**
     * Best 0.7 at index 2; indices 3, 4, 5 do not beat it, so patience 3 runs out at index 5.
     * The run went on to index 6: it should have stopped, one evaluation was wasted.
     */
    @Test
    void aRunThatWentPastItsStopPoint() {
        EarlyStoppingResult r = EarlyStopping.evaluate(new double[] {1.0, 0.8, 0.7, 0.72, 0.71, 0.75, 0.9}, 3, 0);

        assertThat(r.bestIndex()).isEqualTo(2);
        assertThat(r.bestLoss()).isEqualTo(0.7);
        assertThat(r.stopIndex()).isEqualTo(5);
        assertThat(r.stoppedEarly()).isFalse();
        assertThat(r.shouldHaveStopped()).isTrue();
        assertThat(r.evaluationsAfterStop()).isEqualTo(1);
    }

    /** The same curve ending at index 5: the run ended exactly where early stopping would. */
    @Test
    void aRunThatEndedAtItsStopPoint() {
        EarlyStoppingResult r = EarlyStopping.evaluate(new double[] {1.0, 0.8, 0.7, 0.72, 0.71, 0.75}, 3, 0);

        assertThat(r.stopIndex()).isEqualTo(5);
        assertThat(r.stoppedEarly()).isTrue();
        assertThat(r.shouldHaveStopped()).isFalse();
        assertThat(r.evaluationsAfterStop()).isZero();
    }

    /**
     * minDelta 0.05, patience 2: 0.95 is not below 1.0 - 0.05 (wait 1); 0.92 is below 0.95 (new
     * best, index 2); 0.91 and 0.905 are not below 0.87 (wait 1, 2): stop at index 4.
     */
    @Test
    void smallImprovementsDoNotResetPatience() {
        EarlyStoppingResult r = EarlyStopping.evaluate(new double[] {1.0, 0.95, 0.92, 0.91, 0.905}, 2, 0.05);

        assertThat(r.bestIndex()).isEqualTo(2);
        assertThat(r.bestLoss()).isEqualTo(0.92);
        assertThat(r.stopIndex()).isEqualTo(4);
        assertThat(r.stoppedEarly()).isTrue();
    }

    @Test
    void aStillImprovingRunNeverStops() {
        EarlyStoppingResult r = EarlyStopping.evaluate(new double[] {1.0, 0.9, 0.8, 0.7, 0.6});

        assertThat(r.bestIndex()).isEqualTo(4);
        assertThat(r.stopIndex()).isEqualTo(-1);
        assertThat(r.stoppedEarly()).isFalse();
        assertThat(r.shouldHaveStopped()).isFalse();
    }

    /** NaN before any finite value is not waited on; NaN after counts as no improvement. */
    @Test
    void nanNeverImproves() {
        EarlyStoppingResult r = EarlyStopping.evaluate(
                new double[] {Double.NaN, 1.0, Double.NaN, Double.NaN, 0.9}, 3, 0);

        assertThat(r.bestIndex()).isEqualTo(4);
        assertThat(r.stopIndex()).isEqualTo(-1);

        EarlyStoppingResult diverged = EarlyStopping.evaluate(
                new double[] {1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NaN}, 3, 0);
        assertThat(diverged.bestIndex()).isZero();
        assertThat(diverged.stopIndex()).isEqualTo(3);
        assertThat(diverged.stoppedEarly()).isTrue();
    }

    @Test
    void emptyAndOnePoint() {
        EarlyStoppingResult empty = EarlyStopping.evaluate(new double[0]);
        assertThat(empty.bestIndex()).isEqualTo(-1);
        assertThat(empty.bestLoss()).isNaN();
        assertThat(empty.stopIndex()).isEqualTo(-1);

        EarlyStoppingResult one = EarlyStopping.evaluate(new double[] {0.5});
        assertThat(one.bestIndex()).isZero();
        assertThat(one.stopIndex()).isEqualTo(-1);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> EarlyStopping.evaluate(new double[1], 0, 0))
                .hasMessage("patience must be at least 1, was 0");
        assertThatThrownBy(() -> EarlyStopping.evaluate(new double[1], 1, Double.NaN))
                .hasMessage("minDelta must be finite and >= 0, was NaN");
        assertThatThrownBy(() -> EarlyStopping.evaluate(new double[1], 1, -0.1))
                .hasMessage("minDelta must be finite and >= 0, was -0.1");
    }
}
