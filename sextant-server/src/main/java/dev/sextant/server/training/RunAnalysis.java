package dev.sextant.server.training;

import dev.sextant.analytics.training.LearningCurveFitter;
import dev.sextant.analytics.training.LearningCurvePoint;
import dev.sextant.analytics.training.MetricAliases;
import dev.sextant.analytics.training.MetricPoint;
import dev.sextant.analytics.training.RunProgress;
import dev.sextant.analytics.training.RunProgressEstimator;
import dev.sextant.analytics.training.RunProgressSample;
import dev.sextant.analytics.training.RunQuality;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.training.DownsampleQuery;
import dev.sextant.store.training.MetricBucket;
import dev.sextant.store.training.MetricPage;
import dev.sextant.store.training.MetricQuery;
import dev.sextant.store.training.MetricSample;
import dev.sextant.store.training.MetricSeries;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyses of one run over its stored points: quality (exact points of the three loss
 * metrics, up to {@link #QUALITY_POINTS}), and the learning-curve prediction and progress (from the
 * loss metric downsampled to {@link #CURVE_BUCKETS} buckets: the bucket mean at its middle step,
 * so a million noisy training losses become a smooth curve of a thousand).
 */
final class RunAnalysis {
    static final int QUALITY_POINTS = 1_000_000;
    static final int CURVE_BUCKETS = 1000;
    private static final List<String> QUALITY_METRICS = List.of(MetricPoint.TRAINING_LOSS, MetricPoint.VALIDATION_LOSS,
            MetricPoint.GRADIENT_NORM);

    private final TrainingRunStore runs;

    RunAnalysis(TrainingRunStore runs) {
        this.runs = runs;
    }

    QualityView quality(WorkspaceId workspace, TrainingRun run) {
        // MLflow's common names too (loss, eval_loss, ...): each curve read under the first name the run has
        MetricPage page = runs.points(workspace, run.id(), new MetricQuery(MetricAliases.names(QUALITY_METRICS), null,
                null, QUALITY_POINTS, null));
        java.util.Set<String> present = new java.util.HashSet<>();
        page.points().forEach(s -> present.add(s.name()));
        java.util.Map<String, String> chosen = MetricAliases.chosen(QUALITY_METRICS, present);
        List<MetricPoint> points = new ArrayList<>(page.points().size());
        for (MetricSample s : page.points()) {
            String canonical = chosen.get(s.name());
            if (canonical != null) {
                points.add(new MetricPoint(s.step(), s.epoch() == null ? Double.NaN : s.epoch(), canonical, s.value()));
            }
        }
        Double gpuHours = run.resources().gpuHours();
        return QualityView.of(RunQuality.analyze(points, gpuHours == null ? Double.NaN : gpuHours));
    }

    /** The loss series the curve is fitted to: val_loss, else train_loss; empty buckets when neither was logged. */
    LossSeries loss(WorkspaceId workspace, TrainingRun run) {
        List<String> curves = List.of(MetricPoint.VALIDATION_LOSS, MetricPoint.TRAINING_LOSS);
        List<MetricSeries> series = runs.downsampled(workspace, run.id(), new DownsampleQuery(
                MetricAliases.names(curves), null, null, CURVE_BUCKETS));
        for (String curve : curves) {
            for (String name : MetricAliases.namesOf(curve)) {
                for (MetricSeries s : series) {
                    if (s.name().equals(name)) {
                        return new LossSeries(curve, s.buckets());
                    }
                }
            }
        }
        return new LossSeries(MetricPoint.VALIDATION_LOSS, List.of());
    }

    PredictionView prediction(WorkspaceId workspace, TrainingRun run) {
        LossSeries loss = loss(workspace, run);
        if (loss.buckets().isEmpty()) {
            return PredictionView.unavailable(null, "no val_loss or train_loss has been logged yet");
        }
        if (run.spec().totalSteps() == null) {
            return PredictionView.unavailable(loss.metric(), "total_steps is not set for this run, so there is no final"
                    + " step to predict the loss at; give total_steps when creating the run");
        }
        List<LearningCurvePoint> points = new ArrayList<>();
        for (MetricBucket b : loss.buckets()) {
            Double value = value(b);
            if (value != null) {
                points.add(new LearningCurvePoint(step(b), value));
            }
        }
        return PredictionView.of(loss.metric(), LearningCurveFitter.fit(points, run.spec().totalSteps()));
    }

    ProgressView progress(WorkspaceId workspace, TrainingRun run) {
        LossSeries loss = loss(workspace, run);
        Long total = run.spec().totalSteps();
        if (total == null) {
            return ProgressView.withoutTotal(run, loss.buckets().isEmpty() ? null : loss.metric());
        }
        List<RunProgressSample> samples = new ArrayList<>();
        for (MetricBucket b : loss.buckets()) {
            if (b.lastTimestamp() != null) {
                Double value = value(b);
                samples.add(new RunProgressSample(b.lastStep(), value == null ? Double.NaN : value, b.lastTimestamp()));
            }
        }
        RunProgress progress = RunProgressEstimator.estimate(samples, total);
        long lastStep = Math.max(progress.lastStep(), run.lastStep() == null ? 0 : run.lastStep());
        return ProgressView.of(run, lastStep, progress, loss.buckets().isEmpty() ? null : loss.metric());
    }

    private static Double value(MetricBucket b) {
        return b.count() == 1 ? (Double.isFinite(b.last()) ? b.last() : null) : b.mean();
    }

    private static long step(MetricBucket b) {
        return b.count() == 1 ? b.lastStep() : (b.firstStep() + b.lastStep()) / 2;
    }

    record LossSeries(String metric, List<MetricBucket> buckets) {}
}
