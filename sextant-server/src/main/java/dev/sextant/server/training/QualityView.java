package dev.sextant.server.training;

import dev.sextant.analytics.training.ConvergenceResult;
import dev.sextant.analytics.training.EarlyStoppingResult;
import dev.sextant.analytics.training.OverfittingResult;
import dev.sextant.analytics.training.OvertrainingWasteResult;
import dev.sextant.analytics.training.RunQualityReport;
import dev.sextant.analytics.training.RunSummary;
import dev.sextant.analytics.training.StabilityResult;
import java.util.List;
import java.util.Locale;

/**
 * {@link RunQualityReport} on the wire: NaN (unknown) figures and -1 (no such index) become null;
 * the indices count evaluations (validation points in step order).
 */
record QualityView(Summary summary, Overfitting overfitting, EarlyStopping earlyStopping, Convergence convergence,
        Stability stability, Overtraining overtraining) {

    record Summary(String status, Double bestValidationLoss, Double bestEpoch, Long bestStep, Double finalTrainingLoss,
            Double finalValidationLoss) {}

    record Overfitting(boolean overfitting, Integer onsetIndex, Double finalGap, Double gapAtBest, Double trainingSlope,
            Double validationSlope) {}

    record EarlyStopping(Integer bestIndex, Double bestLoss, Integer stopIndex, boolean stoppedEarly,
            boolean shouldHaveStopped, int evaluationsAfterStop) {}

    record Convergence(boolean converged, boolean diverging, Double rate, Double tailImprovement, int tailPoints) {}

    record Stability(Double lossNoise, Double relativeLossNoise, List<Integer> gradientSpikes, int nanCount,
            int infiniteCount) {}

    record Overtraining(boolean overtrained, Double bestEpoch, Double lastEpoch, Double bestFraction, Double wastedEpochs,
            Double wastedGpuHours) {}

    static QualityView of(RunQualityReport q) {
        RunSummary s = q.summary();
        OverfittingResult o = q.overfitting();
        EarlyStoppingResult e = q.earlyStopping();
        ConvergenceResult c = q.convergence();
        StabilityResult st = q.stability();
        OvertrainingWasteResult w = q.overtraining();
        return new QualityView(
                new Summary(s.status().name().toLowerCase(Locale.ROOT), known(s.bestValidationLoss()), known(s.bestEpoch()),
                        s.bestStep() < 0 ? null : s.bestStep(), known(s.finalTrainingLoss()), known(s.finalValidationLoss())),
                new Overfitting(o.overfitting(), index(o.onsetIndex()), known(o.finalGap()), known(o.gapAtBest()),
                        known(o.trainingSlope()), known(o.validationSlope())),
                new EarlyStopping(index(e.bestIndex()), known(e.bestLoss()), index(e.stopIndex()), e.stoppedEarly(),
                        e.shouldHaveStopped(), e.evaluationsAfterStop()),
                new Convergence(c.converged(), c.diverging(), known(c.rate()), known(c.tailImprovement()), c.tailPoints()),
                new Stability(known(st.lossNoise()), known(st.relativeLossNoise()), st.gradientSpikes(), st.nanCount(),
                        st.infiniteCount()),
                new Overtraining(w.overtrained(), known(w.bestEpoch()), known(w.lastEpoch()), known(w.bestFraction()),
                        known(w.wastedEpochs()), known(w.wastedGpuHours())));
    }

    static Double known(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Double known(Double v) {
        return v == null ? null : known(v.doubleValue());
    }

    private static Integer index(int i) {
        return i < 0 ? null : i;
    }
}
