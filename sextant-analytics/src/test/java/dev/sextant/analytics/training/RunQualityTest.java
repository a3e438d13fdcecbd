package dev.sextant.analytics.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole analysis from logged points, including out-of-order logging. */
class RunQualityTest {

    private static MetricPoint train(long step, double value) {
        return new MetricPoint(step, step / 10.0, MetricPoint.TRAINING_LOSS, value);
    }

    private static MetricPoint val(long step, double value) {
        return new MetricPoint(step, step / 10.0, MetricPoint.VALIDATION_LOSS, value);
    }

    /**
     * 10 epochs of 10 steps; training loss every 5 steps falls as 1 / (1 + step / 10); validation
     * at each epoch end: 0.9, 0.7, 0.6, 0.55 (best, epoch 4, step 40), then +0.05 per epoch to 0.85.
     * Training loss at the evaluations falls, validation rises over the last 5: overfitting from
     * epoch 4. The best comes at 40% of the run: 6 of 10 epochs wasted, 6 of 10 GPU hours.
     * Logged in reverse order, which must not matter.
     */
    @Test
    void aPlantedOverfitRun() {
        List<MetricPoint> points = new ArrayList<>();
        for (long step = 5; step <= 100; step += 5) {
            points.add(train(step, 1 / (1 + step / 10.0)));
        }
        double[] v = {0.9, 0.7, 0.6, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85};
        for (int e = 0; e < v.length; e++) {
            points.add(val(10L * (e + 1), v[e]));
        }
        points.add(new MetricPoint(50, 5, "learning_rate", 1e-4));
        Collections.reverse(points);

        RunQualityReport r = RunQuality.analyze(points, 10);

        assertThat(r.summary().status()).isEqualTo(RunQualityStatus.OVERFITTING);
        assertThat(r.summary().bestValidationLoss()).isEqualTo(0.55);
        assertThat(r.summary().bestEpoch()).isEqualTo(4.0);
        assertThat(r.summary().bestStep()).isEqualTo(40);
        assertThat(r.summary().finalTrainingLoss()).isCloseTo(1 / 11.0, within(1e-12));
        assertThat(r.summary().finalValidationLoss()).isEqualTo(0.85);
        assertThat(r.overfitting().onsetIndex()).isEqualTo(3);
        // final gap: 0.85 minus the mean training loss since step 90 (steps 95 and 100)
        assertThat(r.overfitting().finalGap()).isCloseTo(0.85 - (1 / 10.5 + 1 / 11.0) / 2, within(1e-12));
        // best 0.55 at index 3; 0.6, 0.65, 0.7 do not beat it: stop at index 6 of 9
        assertThat(r.earlyStopping().stopIndex()).isEqualTo(6);
        assertThat(r.earlyStopping().evaluationsAfterStop()).isEqualTo(3);
        assertThat(r.overtraining().wastedEpochs()).isCloseTo(6, within(1e-12));
        assertThat(r.overtraining().wastedGpuHours()).isCloseTo(6, within(1e-12));
    }

    /** A training loss that ends in NaN has diverged, whatever else holds. */
    @Test
    void aNanAtTheEndIsDivergence() {
        List<MetricPoint> points = List.of(train(1, 1.0), train(2, 0.9), train(3, Double.NaN));

        RunQualityReport r = RunQuality.analyze(points, Double.NaN);

        assertThat(r.summary().status()).isEqualTo(RunQualityStatus.DIVERGED);
        assertThat(r.stability().nanCount()).isEqualTo(1);
        assertThat(r.summary().bestValidationLoss()).isNaN();
        assertThat(r.summary().bestStep()).isEqualTo(-1);
    }

    /** A NaN in the middle of a healthy, flat-ending run makes it unstable. */
    @Test
    void aNanInTheMiddleIsInstability() {
        List<MetricPoint> points = List.of(train(1, 1.0), train(2, Double.NaN), train(3, 0.5), train(4, 0.5),
                train(5, 0.5), train(6, 0.5));

        assertThat(RunQuality.analyze(points, 1).summary().status()).isEqualTo(RunQualityStatus.UNSTABLE);
    }

    /** A loss that flattens out, validation too: converged. */
    @Test
    void aPlateauedRunConverged() {
        List<MetricPoint> points = new ArrayList<>();
        double[] loss = {1.0, 0.6, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3};
        for (int i = 0; i < loss.length; i++) {
            points.add(train(i + 1, loss[i]));
            points.add(val(i + 1, loss[i] + 0.05));
        }

        RunQualityReport r = RunQuality.analyze(points, 1);

        assertThat(r.summary().status()).isEqualTo(RunQualityStatus.CONVERGED);
        assertThat(r.convergence().converged()).isTrue();
        assertThat(r.overfitting().overfitting()).isFalse();
    }

    @Test
    void noPointsNoData() {
        RunQualityReport r = RunQuality.analyze(List.of(), Double.NaN);

        assertThat(r.summary().status()).isEqualTo(RunQualityStatus.NO_DATA);
        assertThat(r.summary().finalTrainingLoss()).isNaN();
        assertThat(r.overtraining().overtrained()).isFalse();
    }

    /** Validation logged before any training loss gets NaN as its training loss (pair skipped). */
    @Test
    void validationBeforeAnyTrainingLoss() {
        List<MetricPoint> points = List.of(val(0, 2.0), train(1, 1.0), val(1, 1.1));

        RunQualityReport r = RunQuality.analyze(points, Double.NaN);

        assertThat(r.overfitting().finalGap()).isCloseTo(0.1, within(1e-12));
        assertThat(r.summary().bestValidationLoss()).isEqualTo(1.1);
    }

    /**
     * The training loss of an evaluation is the mean of the finite ones since the previous
     * evaluation: (1.0 + 0.6) / 2 = 0.8 at step 3 (the NaN is left out), gap 1.0 - 0.8 = 0.2;
     * nothing logged before step 4, so 0.8 carries over: gap 0.9 - 0.8 = 0.1.
     */
    @Test
    void trainingLossIsAveragedBetweenEvaluations() {
        List<MetricPoint> points = List.of(train(1, 1.0), train(2, 0.6), train(3, Double.NaN), val(3, 1.0));

        assertThat(RunQuality.analyze(points, Double.NaN).overfitting().finalGap()).isCloseTo(0.2, within(1e-12));

        List<MetricPoint> more = new ArrayList<>(points);
        more.add(val(4, 0.9));
        RunQualityReport r = RunQuality.analyze(more, Double.NaN);
        assertThat(r.overfitting().finalGap()).isCloseTo(0.1, within(1e-12));
        assertThat(r.overfitting().gapAtBest()).isCloseTo(0.1, within(1e-12));
    }

    /**
     * A flat, finite loss; gradient norms five of 1.0, four of 1.2 and a 50 at step 6 (index 5):
     * median (1.0 + 1.2) / 2 = 1.1, every other deviation 0.1 so MAD 0.1, and the 50 has robust z
     * 48.9 / 0.14826 = 329.8, a spike: the run is unstable.
     */
    @Test
    void aGradientSpikeMakesTheRunUnstable() {
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            points.add(train(i, 0.5));
            points.add(new MetricPoint(i, i / 10.0, MetricPoint.GRADIENT_NORM, i == 6 ? 50 : (i % 2 == 0 ? 1.2 : 1.0)));
        }

        RunQualityReport r = RunQuality.analyze(points, 1);

        assertThat(r.stability().gradientSpikes()).containsExactly(5);
        assertThat(r.summary().status()).isEqualTo(RunQualityStatus.UNSTABLE);
    }

    /**
     * The summary's best is the lowest validation loss of the whole run, also when it comes after the
     * point where early stopping (patience 3) would have stopped: 0.5, 0.40, then three evaluations
     * without improvement (stop at index 4, best 0.40 at index 1), then 0.35 at step 60.
     */
    @Test
    void theSummaryBestIsTheLowestValidationLossNotEarlyStoppingsBest() {
        List<MetricPoint> points = new ArrayList<>();
        double[] v = {0.5, 0.40, 0.41, 0.42, 0.43, 0.35};
        for (int e = 0; e < v.length; e++) {
            points.add(train(10L * (e + 1), 0.6 - 0.05 * e));
            points.add(val(10L * (e + 1), v[e]));
        }
        RunQualityReport r = RunQuality.analyze(points, 1.0);
        assertThat(r.earlyStopping().bestIndex()).isEqualTo(1);
        assertThat(r.earlyStopping().shouldHaveStopped()).isTrue();
        assertThat(r.summary().bestValidationLoss()).isEqualTo(0.35);
        assertThat(r.summary().bestStep()).isEqualTo(60);
        assertThat(r.summary().bestEpoch()).isEqualTo(6.0);
    }
}
