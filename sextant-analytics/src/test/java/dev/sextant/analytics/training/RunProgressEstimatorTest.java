package dev.sextant.analytics.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.training.LearningCurve.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunProgressEstimatorTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static double loss(long step) {
        return LearningCurveModel.POWER_LAW.valueAt(step, 1.5, 3, 0.5);
    }

    /** Samples every 100 steps, each {@code secondsPer100[i]} after the previous one. */
    private static List<RunProgressSample> samples(double... secondsPer100) {
        List<RunProgressSample> out = new ArrayList<>();
        Instant at = T0;
        out.add(new RunProgressSample(0, loss(0), at));
        for (int i = 0; i < secondsPer100.length; i++) {
            at = at.plusMillis(Math.round(secondsPer100[i] * 1000));
            long step = 100L * (i + 1);
            out.add(new RunProgressSample(step, loss(step), at));
        }
        return out;
    }

    @Test
    void aSteadyRateGivesAnExactEtaAndThePredictedFinalLoss() {
        RunProgress p = RunProgressEstimator.estimate(samples(10, 10, 10, 10, 10, 10, 10, 10, 10, 10), 5000);

        assertThat(p.lastStep()).isEqualTo(1000);
        assertThat(p.fractionDone()).isEqualTo(0.2);
        assertThat(p.stepsPerSecond()).isCloseTo(10, within(1e-12));
        assertThat(p.remainingSeconds()).isCloseTo(400, within(1e-9));
        assertThat(p.eta()).isEqualTo(T0.plusSeconds(100 + 400));
        assertThat(p.etaReason()).isNull();
        assertThat(p.curve().status()).isEqualTo(Status.FITTED);
        assertThat(p.curve().predicted()).isCloseTo(loss(5000), within(1e-6));
    }

    @Test
    void oneStallDoesNotMoveTheMedianRate() {
        RunProgress p = RunProgressEstimator.estimate(samples(10, 10, 10, 500, 10, 10, 10), 1000);

        assertThat(p.stepsPerSecond()).isCloseTo(10, within(1e-12));
        assertThat(p.remainingSeconds()).isCloseTo(30, within(1e-9));
    }

    @Test
    void onlyTheRecentRatesCount() {
        // 10 slow intervals (1 step/s) then 10 fast ones (10 steps/s): the window sees only the fast ones
        RunProgress p = RunProgressEstimator.estimate(
                samples(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10),
                3000);

        assertThat(p.stepsPerSecond()).isCloseTo(10, within(1e-12));
        assertThat(p.remainingSeconds()).isCloseTo(100, within(1e-9));
    }

    @Test
    void withoutTwoTimedStepsThereIsNoEtaAndItSaysWhy() {
        RunProgress p = RunProgressEstimator.estimate(List.of(new RunProgressSample(50, 2.0, T0),
                new RunProgressSample(100, 1.9, T0)), 1000);

        assertThat(p.eta()).isNull();
        assertThat(p.stepsPerSecond()).isNull();
        assertThat(p.etaReason()).isEqualTo("no step rate yet: needs two samples with increasing step and time");
        assertThat(p.curve().status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(p.fractionDone()).isEqualTo(0.1);
    }

    @Test
    void anEmptyRunHasNoEtaAndNoPrediction() {
        RunProgress p = RunProgressEstimator.estimate(List.of(), 1000);

        assertThat(p.lastStep()).isZero();
        assertThat(p.eta()).isNull();
        assertThat(p.curve().status()).isEqualTo(Status.INSUFFICIENT_DATA);
    }

    @Test
    void aClockGoingBackwardsIsSkipped() {
        List<RunProgressSample> s = new ArrayList<>(samples(10, 10, 10));
        s.add(new RunProgressSample(400, loss(400), T0.plusSeconds(5)));

        RunProgress p = RunProgressEstimator.estimate(s, 1000);

        assertThat(p.stepsPerSecond()).isCloseTo(10, within(1e-12));
    }

    @Test
    void aFinishedRunHasNothingLeft() {
        RunProgress p = RunProgressEstimator.estimate(samples(10, 10, 10, 10, 10, 10, 10), 700);

        assertThat(p.fractionDone()).isEqualTo(1.0);
        assertThat(p.remainingSeconds()).isZero();
        assertThat(p.eta()).isEqualTo(T0.plusSeconds(70));
    }

    @Test
    void samplesWithoutLossStillCountForTheRate() {
        List<RunProgressSample> s = new ArrayList<>(samples(10, 10, 10, 10, 10, 10, 10));
        s.add(new RunProgressSample(800, Double.NaN, T0.plusSeconds(80)));

        RunProgress p = RunProgressEstimator.estimate(s, 1000);

        assertThat(p.lastStep()).isEqualTo(800);
        assertThat(p.remainingSeconds()).isCloseTo(20, within(1e-9));
        assertThat(p.curve().pointsUsed()).isEqualTo(8);
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> RunProgressEstimator.estimate(List.of(), 0))
                .hasMessage("total steps must be at least 1, was 0");
        assertThatThrownBy(() -> RunProgressEstimator.estimate(List.of(new RunProgressSample(3, 1, null)), 10))
                .hasMessage("every sample needs a time; step 3 has none");
    }
}
