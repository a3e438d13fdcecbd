package dev.sextant.analytics.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.training.LearningCurve.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LearningCurveFitterEdgeTest {

    private static List<LearningCurvePoint> powerLaw(int points, double noise, double unit) {
        Random random = new Random(1);
        List<LearningCurvePoint> pts = new ArrayList<>();
        for (int s = 0; s < points; s++) {
            double y = LearningCurveModel.POWER_LAW.valueAt(s, 1.5, 3, 0.5) + noise * random.nextGaussian();
            pts.add(new LearningCurvePoint(s, y * unit));
        }
        return pts;
    }

    @Test
    void aLongSeriesIsThinnedButStillRecoversTheCurveAndCoversTheTruth() {
        double truth = LearningCurveModel.POWER_LAW.valueAt(200_000, 1.5, 3, 0.5);

        LearningCurve lc = LearningCurveFitter.fit(powerLaw(50_000, 0.05, 1), 200_000);

        assertThat(lc.status()).isEqualTo(Status.FITTED);
        assertThat(lc.pointsUsed()).isEqualTo(50_000);
        assertThat(lc.model()).isEqualTo(LearningCurveModel.POWER_LAW);
        assertThat(lc.c()).isCloseTo(0.5, within(0.1));
        assertThat(lc.lower()).isLessThanOrEqualTo(truth);
        assertThat(lc.upper()).isGreaterThanOrEqualTo(truth);
    }

    @Test
    void theFitDoesNotDependOnTheLossUnits() {
        LearningCurve one = LearningCurveFitter.fit(powerLaw(300, 0.01, 1), 1000);
        LearningCurve tiny = LearningCurveFitter.fit(powerLaw(300, 0.01, 1e-200), 1000);

        assertThat(tiny.status()).isEqualTo(Status.FITTED);
        assertThat(tiny.model()).isEqualTo(one.model());
        assertThat(tiny.c()).isCloseTo(one.c(), within(1e-6));
        assertThat(tiny.predicted() / 1e-200).isCloseTo(one.predicted(), within(1e-6));
        assertThat(tiny.upper() / 1e-200).isCloseTo(one.upper(), within(1e-6));
    }

    @Test
    void valuesSpanningMoreThanADoubleAreRefused() {
        List<LearningCurvePoint> pts = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            pts.add(new LearningCurvePoint(s, s % 2 == 0 ? Double.MAX_VALUE : -Double.MAX_VALUE));
        }
        LearningCurve lc = LearningCurveFitter.fit(pts, 100);

        assertThat(lc.status()).isEqualTo(Status.FIT_FAILED);
        assertThat(lc.reason()).isEqualTo("values span more than a double can hold");
    }

    @Test
    void hostileStepsAndValuesGiveFiniteNumbersOrAnHonestFailure() {
        List<LearningCurvePoint> pts = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            pts.add(new LearningCurvePoint(s == 0 ? 0 : Long.MAX_VALUE / 2 - 20 + s, s % 2 == 0 ? 1e300 : -1e300));
        }
        LearningCurve lc = LearningCurveFitter.fit(pts, Long.MAX_VALUE);

        if (lc.status() == Status.FITTED) {
            assertThat(List.of(lc.predicted(), lc.a(), lc.b(), lc.c())).allMatch(Double::isFinite);
            assertThat(lc.lower() == null || Double.isFinite(lc.lower())).isTrue();
            assertThat(lc.upper() == null || Double.isFinite(lc.upper())).isTrue();
        } else {
            assertThat(lc.status()).isEqualTo(Status.FIT_FAILED);
        }
    }

    @Test
    void repeatedStepsAreFitted() {
        List<LearningCurvePoint> pts = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            double y = LearningCurveModel.EXPONENTIAL.valueAt(s * 10, 1, 1, 0.02);
            pts.add(new LearningCurvePoint(s * 10L, y + 0.01));
            pts.add(new LearningCurvePoint(s * 10L, y - 0.01));
        }
        LearningCurve lc = LearningCurveFitter.fit(pts, 400);

        assertThat(lc.status()).isEqualTo(Status.FITTED);
        assertThat(lc.predicted()).isCloseTo(LearningCurveModel.EXPONENTIAL.valueAt(400, 1, 1, 0.02), within(0.01));
    }
}
