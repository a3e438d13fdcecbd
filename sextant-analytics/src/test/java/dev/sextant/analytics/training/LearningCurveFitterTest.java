package dev.sextant.analytics.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.training.LearningCurve.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LearningCurveFitterTest {

    private static List<LearningCurvePoint> curve(LearningCurveModel model, double a, double b, double c, long upTo,
            long every, double noise, long seed) {
        Random random = new Random(seed);
        List<LearningCurvePoint> pts = new ArrayList<>();
        for (long s = 0; s <= upTo; s += every) {
            pts.add(new LearningCurvePoint(s, model.valueAt(s, a, b, c) + noise * random.nextGaussian()));
        }
        return pts;
    }

    @Test
    void noiselessPowerLawIsRecoveredExactly() {
        LearningCurve lc = LearningCurveFitter.fit(curve(LearningCurveModel.POWER_LAW, 1.5, 3, 0.5, 2000, 20, 0, 1),
                10_000);

        assertThat(lc.status()).isEqualTo(Status.FITTED);
        assertThat(lc.model()).isEqualTo(LearningCurveModel.POWER_LAW);
        assertThat(lc.a()).isCloseTo(1.5, within(1e-6));
        assertThat(lc.b()).isCloseTo(3, within(1e-5));
        assertThat(lc.c()).isCloseTo(0.5, within(1e-6));
        assertThat(lc.predicted()).isCloseTo(1.5 + 3 / Math.sqrt(10_001), within(1e-6));
    }

    @Test
    void noisyPowerLawRecoversParametersAndTheIntervalCoversTheTruth() {
        double truth = LearningCurveModel.POWER_LAW.valueAt(10_000, 1.5, 3, 0.5);
        LearningCurve lc = LearningCurveFitter.fit(curve(LearningCurveModel.POWER_LAW, 1.5, 3, 0.5, 4000, 20, 0.01, 7),
                10_000);

        assertThat(lc.status()).isEqualTo(Status.FITTED);
        assertThat(lc.reason()).isNull();
        assertThat(lc.model()).isEqualTo(LearningCurveModel.POWER_LAW);
        assertThat(lc.c()).isCloseTo(0.5, within(0.1));
        assertThat(lc.a()).isCloseTo(1.5, within(0.1));
        assertThat(lc.rmse()).isCloseTo(0.01, within(0.002));
        assertThat(lc.predicted()).isCloseTo(truth, within(0.02));
        assertThat(lc.lower()).isLessThanOrEqualTo(truth);
        assertThat(lc.upper()).isGreaterThanOrEqualTo(truth);
        assertThat(lc.lower()).isLessThan(lc.predicted());
        assertThat(lc.upper()).isGreaterThan(lc.predicted());
    }

    @Test
    void noisyExponentialIsChosenOverThePowerLawAndRecovered() {
        double truth = LearningCurveModel.EXPONENTIAL.valueAt(3000, 0.8, 2, 0.002);
        LearningCurve lc = LearningCurveFitter.fit(
                curve(LearningCurveModel.EXPONENTIAL, 0.8, 2, 0.002, 1500, 10, 0.01, 11), 3000);

        assertThat(lc.status()).isEqualTo(Status.FITTED);
        assertThat(lc.model()).isEqualTo(LearningCurveModel.EXPONENTIAL);
        assertThat(lc.a()).isCloseTo(0.8, within(0.05));
        assertThat(lc.b()).isCloseTo(2, within(0.05));
        assertThat(lc.c()).isCloseTo(0.002, within(0.0002));
        assertThat(lc.rivalRmse()).isGreaterThan(lc.rmse());
        assertThat(lc.lower()).isLessThanOrEqualTo(truth);
        assertThat(lc.upper()).isGreaterThanOrEqualTo(truth);
    }

    @Test
    void theIntervalCoversTheTruthForMostNoiseSeeds() {
        double truth = LearningCurveModel.EXPONENTIAL.valueAt(2000, 0.5, 1, 0.003);
        int covered = 0;
        for (long seed = 100; seed < 110; seed++) {
            LearningCurve lc = LearningCurveFitter.fit(
                    curve(LearningCurveModel.EXPONENTIAL, 0.5, 1, 0.003, 1000, 25, 0.02, seed), 2000);
            if (lc.lower() <= truth && truth <= lc.upper()) {
                covered++;
            }
        }
        // nominal 95%: 10 draws, at least 8 covered (binomial probability of fewer is about 1%)
        assertThat(covered).isGreaterThanOrEqualTo(8);
    }

    @Test
    void thePowerLawIntervalCoversTheTruthForMostNoiseSeeds() {
        double truth = LearningCurveModel.POWER_LAW.valueAt(10_000, 1.5, 3, 0.5);
        int covered = 0;
        for (long seed = 200; seed < 210; seed++) {
            LearningCurve lc = LearningCurveFitter.fit(
                    curve(LearningCurveModel.POWER_LAW, 1.5, 3, 0.5, 3000, 25, 0.02, seed), 10_000);
            if (lc.lower() <= truth && truth <= lc.upper()) {
                covered++;
            }
        }
        assertThat(covered).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aRisingValidationLossFitsWithANegativeAmplitude() {
        LearningCurve lc = LearningCurveFitter.fit(
                curve(LearningCurveModel.EXPONENTIAL, 2.0, -1.0, 0.004, 1000, 20, 0.005, 3), 2000);

        assertThat(lc.status()).isEqualTo(Status.FITTED);
        assertThat(lc.b()).isNegative();
        assertThat(lc.predicted()).isCloseTo(LearningCurveModel.EXPONENTIAL.valueAt(2000, 2.0, -1.0, 0.004),
                within(0.02));
    }

    @Test
    void tooFewPointsAreRefusedWithTheReason() {
        LearningCurve lc = LearningCurveFitter.fit(curve(LearningCurveModel.POWER_LAW, 1, 1, 1, 40, 10, 0, 1), 100);

        assertThat(lc.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(lc.reason()).isEqualTo(
                "insufficient data: 5 finite point(s), at least 6 are needed to fit a three-parameter curve");
        assertThat(lc.predicted()).isNull();
        assertThat(lc.pointsUsed()).isEqualTo(5);
    }

    @Test
    void noPointsAtAllAreRefused() {
        assertThat(LearningCurveFitter.fit(List.of(), 100).status()).isEqualTo(Status.INSUFFICIENT_DATA);
    }

    @Test
    void nonFiniteValuesAreDroppedAndCounted() {
        List<LearningCurvePoint> pts = new ArrayList<>(curve(LearningCurveModel.POWER_LAW, 1.5, 3, 0.5, 2000, 20, 0, 1));
        pts.add(new LearningCurvePoint(2010, Double.NaN));
        pts.add(new LearningCurvePoint(2020, Double.POSITIVE_INFINITY));
        pts.add(new LearningCurvePoint(2030, Double.NEGATIVE_INFINITY));

        LearningCurve lc = LearningCurveFitter.fit(pts, 10_000);

        assertThat(lc.status()).isEqualTo(Status.FITTED);
        assertThat(lc.pointsDropped()).isEqualTo(3);
        assertThat(lc.pointsUsed()).isEqualTo(101);
        assertThat(lc.c()).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void onlyNonFiniteValuesAreRefusedSayingSo() {
        List<LearningCurvePoint> pts = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            pts.add(new LearningCurvePoint(s, Double.NaN));
        }
        LearningCurve lc = LearningCurveFitter.fit(pts, 100);

        assertThat(lc.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(lc.reason()).endsWith("(10 NaN/infinite dropped)");
        assertThat(lc.pointsDropped()).isEqualTo(10);
    }

    @Test
    void aFlatSeriesPredictsItsValue() {
        List<LearningCurvePoint> pts = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            pts.add(new LearningCurvePoint(s * 10L, 0.75));
        }
        LearningCurve lc = LearningCurveFitter.fit(pts, 1000);

        assertThat(lc.status()).isEqualTo(Status.FLAT);
        assertThat(lc.predicted()).isEqualTo(0.75);
        assertThat(lc.lower()).isEqualTo(0.75);
        assertThat(lc.upper()).isEqualTo(0.75);
        assertThat(lc.reason()).isEqualTo("flat: all 10 finite values equal 0.75");
    }

    @Test
    void pureNoiseAroundAConstantStillAnswersWithFiniteNumbers() {
        Random random = new Random(5);
        List<LearningCurvePoint> pts = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            pts.add(new LearningCurvePoint(s * 10L, 1 + 0.01 * random.nextGaussian()));
        }
        LearningCurve lc = LearningCurveFitter.fit(pts, 1000);

        assertThat(lc.status()).isEqualTo(Status.FITTED);
        assertThat(lc.predicted()).isCloseTo(1, within(0.05));
        assertThat(lc.lower()).isLessThanOrEqualTo(lc.predicted());
        assertThat(lc.upper()).isGreaterThanOrEqualTo(lc.predicted());
    }

    @Test
    void theSameInputGivesTheSameAnswer() {
        List<LearningCurvePoint> pts = curve(LearningCurveModel.POWER_LAW, 1.5, 3, 0.5, 2000, 20, 0.02, 9);

        assertThat(LearningCurveFitter.fit(pts, 10_000)).isEqualTo(LearningCurveFitter.fit(pts, 10_000));
    }

    @Test
    void badArgumentsAreRejected() {
        List<LearningCurvePoint> pts = curve(LearningCurveModel.POWER_LAW, 1, 1, 1, 100, 10, 0, 1);

        assertThatThrownBy(() -> LearningCurveFitter.fit(pts, 0))
                .hasMessage("target step must be at least 1, was 0");
        assertThatThrownBy(() -> LearningCurveFitter.fit(pts, 100, 1.0))
                .hasMessage("level must be between 0 and 1, was 1.0");
        assertThatThrownBy(() -> LearningCurveFitter.fit(List.of(new LearningCurvePoint(-1, 1)), 100))
                .hasMessage("step must not be negative, was -1");
    }
}
