package dev.sextant.analytics.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The quality analysis of one run from its logged points ({@link MetricPoint#TRAINING_LOSS},
 * {@link MetricPoint#VALIDATION_LOSS}, {@link MetricPoint#GRADIENT_NORM}; other names ignored).
 * Points are put in step order first (logging order does not matter; equal steps keep their
 * order). The evaluations are the validation points; the training loss of an evaluation is the
 * mean of the finite training losses logged since the previous evaluation, up to and including
 * its step (step noise averages out, as in an epoch's reported training loss); if none were
 * logged in between, the previous evaluation's value carries over (NaN before any). Convergence and loss noise are
 * measured on the whole training-loss series, gradient spikes on the gradient norms.
 */
public final class RunQuality {

    private RunQuality() {}

    public static RunQualityReport analyze(List<MetricPoint> points, double gpuHours) {
        return analyze(points, gpuHours, RunQualitySettings.DEFAULTS);
    }

    public static RunQualityReport analyze(List<MetricPoint> points, double gpuHours, RunQualitySettings s) {
        List<MetricPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingLong(MetricPoint::step));
        List<MetricPoint> train = named(sorted, MetricPoint.TRAINING_LOSS);
        List<MetricPoint> val = named(sorted, MetricPoint.VALIDATION_LOSS);
        double[] trainLoss = values(train);
        double[] gradNorm = values(named(sorted, MetricPoint.GRADIENT_NORM));
        double[] valLoss = values(val);
        double[] epochs = val.stream().mapToDouble(MetricPoint::epoch).toArray();
        double[] trainAtEval = new double[val.size()];
        int t = 0;
        double carried = Double.NaN;
        for (int i = 0; i < val.size(); i++) {
            double sum = 0;
            int count = 0;
            while (t < train.size() && train.get(t).step() <= val.get(i).step()) {
                double v = train.get(t++).value();
                if (Double.isFinite(v)) {
                    sum += v;
                    count++;
                }
            }
            if (count > 0) {
                carried = sum / count;
            }
            trainAtEval[i] = carried;
        }
        OverfittingResult overfitting = Overfitting.detect(trainAtEval, valLoss, s.overfittingWindow());
        EarlyStoppingResult stopping = EarlyStopping.evaluate(valLoss, s.patience(), s.minDelta());
        ConvergenceResult convergence = Convergence.analyze(trainLoss, s.convergenceTail(), s.convergenceThreshold());
        StabilityResult stability = Stability.analyze(trainLoss, gradNorm, s.smoothingWindow(), s.spikeZ());
        OvertrainingWasteResult waste = OvertrainingWaste.compute(epochs, valLoss, gpuHours, s.overtrainingCutoff());

        // the summary's best is the lowest finite validation loss (as overtraining waste reads it); early
        // stopping keeps its own best, the last one that improved by more than min-delta
        int best = -1;
        for (int i = 0; i < valLoss.length; i++) {
            if (Double.isFinite(valLoss[i]) && (best < 0 || valLoss[i] < valLoss[best])) {
                best = i;
            }
        }
        double finalTrain = trainLoss.length == 0 ? Double.NaN : trainLoss[trainLoss.length - 1];
        double finalVal = valLoss.length == 0 ? Double.NaN : valLoss[valLoss.length - 1];
        RunQualityStatus status;
        if (trainLoss.length == 0 && valLoss.length == 0) {
            status = RunQualityStatus.NO_DATA;
        } else if ((trainLoss.length > 0 && !Double.isFinite(finalTrain)) || convergence.diverging()) {
            status = RunQualityStatus.DIVERGED;
        } else if (overfitting.overfitting()) {
            status = RunQualityStatus.OVERFITTING;
        } else if (stability.nanCount() + stability.infiniteCount() > 0 || !stability.gradientSpikes().isEmpty()) {
            status = RunQualityStatus.UNSTABLE;
        } else if (convergence.converged()) {
            status = RunQualityStatus.CONVERGED;
        } else {
            status = RunQualityStatus.IMPROVING;
        }
        RunSummary summary = new RunSummary(best < 0 ? Double.NaN : valLoss[best], best < 0 ? Double.NaN : epochs[best],
                best < 0 ? -1 : val.get(best).step(), finalTrain, finalVal, status);
        return new RunQualityReport(summary, overfitting, stopping, convergence, stability, waste);
    }

    private static List<MetricPoint> named(List<MetricPoint> points, String name) {
        return points.stream().filter(p -> p.name().equals(name)).toList();
    }

    private static double[] values(List<MetricPoint> points) {
        return points.stream().mapToDouble(MetricPoint::value).toArray();
    }
}
