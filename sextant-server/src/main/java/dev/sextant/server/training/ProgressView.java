package dev.sextant.server.training;

import dev.sextant.analytics.training.LearningCurve;
import dev.sextant.analytics.training.RunProgress;
import dev.sextant.store.training.TrainingRun;
import java.time.Instant;

/**
 * {@code GET /api/v1/training/runs/{id}/progress}: where the run is, how fast it goes, when it
 * will end and the loss it is heading for. Figures that cannot be known are null, with a reason.
 */
record ProgressView(String runId, String status, Long lastStep, Long totalSteps, Double fractionDone,
        Double stepsPerSecond, Double etaSeconds, Instant eta, Double predictedFinalLoss, PredictionView.Interval interval,
        String metric, long pointCount, Instant lastLoggedAt, String reason) {

    static ProgressView withoutTotal(TrainingRun run, String metric) {
        return new ProgressView(run.id(), run.status().wire(), run.lastStep(), null, null, null, null, null, null, null,
                metric, run.pointCount(), run.lastLoggedAt(), "total_steps is not set for this run: no fraction done,"
                        + " ETA or final loss");
    }

    static ProgressView of(TrainingRun run, long lastStep, RunProgress p, String metric) {
        LearningCurve c = p.curve();
        PredictionView.Interval interval = c.lower() == null || c.upper() == null ? null
                : new PredictionView.Interval(QualityView.known(c.lower()), QualityView.known(c.upper()), c.level());
        boolean finished = run.status().finished();
        String reason = p.etaReason();
        if (c.predicted() == null && c.reason() != null) {
            reason = reason == null ? c.reason() : reason + "; " + c.reason();
        }
        return new ProgressView(run.id(), run.status().wire(), run.lastStep() == null ? null : lastStep, p.totalSteps(),
                Math.min(1.0, (double) lastStep / p.totalSteps()),
                finished ? null : QualityView.known(p.stepsPerSecond()),
                finished ? 0.0 : QualityView.known(p.remainingSeconds()), finished ? run.endedAt() : p.eta(),
                QualityView.known(c.predicted()), interval, metric, run.pointCount(), run.lastLoggedAt(),
                finished ? null : reason);
    }
}
