package dev.sextant.server.predictions;

import dev.sextant.model.Workspace;
import dev.sextant.server.boot.Readiness;
import dev.sextant.store.SextantStore;
import dev.sextant.store.WorkspaceStore;
import dev.sextant.store.predictions.PredictionModel;
import dev.sextant.store.predictions.PredictionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Retrains each workspace's models once per {@code sextant.predictions.retrain-interval}: a
 * workspace is due an interval after its newest training (or after this server started, if it
 * never trained), and is skipped while its data version did not move since this process trained
 * it. Checked every minute (or every interval, if shorter), one workspace after another on one
 * daemon thread: training reads on the read pool and never holds up ingestion.
 */
@Component
class PredictionScheduler implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PredictionScheduler.class);
    private static final Duration CHECK = Duration.ofMinutes(1);

    private final WorkspaceStore workspaces;
    private final PredictionStore models;
    private final PredictionTraining training;
    private final Readiness readiness;
    private final PredictionSettings settings;
    private final Clock clock;
    private final Instant createdAt;
    private ScheduledExecutorService timer;

    PredictionScheduler(SextantStore store, PredictionTraining training, Readiness readiness,
            PredictionSettings settings, Clock clock) {
        this.workspaces = store.workspaces();
        this.models = store.predictions();
        this.training = training;
        this.readiness = readiness;
        this.settings = settings;
        this.clock = clock;
        this.createdAt = clock.instant();
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sextant-predictions").factory());
        Duration check = settings.retrainInterval().compareTo(CHECK) < 0 ? settings.retrainInterval() : CHECK;
        timer.scheduleWithFixedDelay(this::tick, check.toMillis(), check.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** One round over every workspace; never throws (a thrown exception would cancel the schedule). */
    void tick() {
        if (!readiness.ready()) {
            return;
        }
        try {
            for (Workspace workspace : workspaces.list()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                Instant last = models.latest(workspace.id()).stream().map(PredictionModel::trainedAt)
                        .max(Instant::compareTo).orElse(createdAt);
                if (clock.instant().isBefore(last.plus(settings.retrainInterval())) || training.unchanged(workspace.id())) {
                    continue;
                }
                long offered = training.trainAll(workspace.id()).stream().filter(PredictionModel::offered).count();
                log.info("predictions of workspace {} retrained: {} of {} targets offered", workspace.slug(), offered,
                        dev.sextant.store.predictions.PredictionTarget.values().length);
            }
        } catch (RuntimeException e) {
            log.warn("prediction retraining round failed: {}", e.toString());
        }
    }
}
