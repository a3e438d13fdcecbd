package dev.sextant.server.experiments;

import dev.sextant.model.Workspace;
import dev.sextant.server.boot.Readiness;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentQuery;
import dev.sextant.store.ExperimentStatus;
import dev.sextant.store.ExperimentStore;
import dev.sextant.store.SextantStore;
import dev.sextant.store.WorkspaceStore;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * {@code auto_conclude}: each {@code sextant.experiments.auto-conclude-interval} once the server is
 * ready, judges every running experiment that asked for it and concludes those whose verdict is
 * {@code winner} or {@code no_difference}. An {@code invalid} verdict (sample ratio mismatch, units
 * in several variants) never concludes: it is logged here and shown by the results endpoint.
 * Experiments are judged one after the other, so a round takes one database connection at a time.
 */
@Component
class AutoConcluder implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AutoConcluder.class);

    private final WorkspaceStore workspaces;
    private final ExperimentStore experiments;
    private final ExperimentConclusions conclusions;
    private final Readiness readiness;
    private final ExperimentSettings settings;
    private final Clock clock;
    private ScheduledExecutorService timer;

    AutoConcluder(SextantStore store, ExperimentConclusions conclusions, Readiness readiness,
            ExperimentSettings settings, Clock clock) {
        this.workspaces = store.workspaces();
        this.experiments = store.experiments();
        this.conclusions = conclusions;
        this.readiness = readiness;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (!settings.autoConclude()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sextant-experiment-auto-conclude").factory());
        long every = settings.autoConcludeInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
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

    private void tick() {
        if (readiness.ready()) {
            round();
        }
    }

    /** One round over every workspace; answers how many experiments it concluded. Never throws. */
    int round() {
        int concluded = 0;
        try {
            for (Workspace workspace : workspaces.list()) {
                for (Experiment e : experiments.list(workspace.id(), new ExperimentQuery(ExperimentStatus.RUNNING, null))) {
                    if (e.spec().autoConclude() && judge(workspace, e)) {
                        concluded++;
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("experiment auto-conclude round failed: {}", e.toString());
        }
        return concluded;
    }

    private boolean judge(Workspace workspace, Experiment e) {
        try {
            ExperimentConclusions.Judgement j = conclusions.concludeIfDecided(workspace.id(), e, clock.instant());
            if (j.verdict().kind().equals("invalid")) {
                log.warn("experiment {} of workspace {} is not concluded, its results are invalid: {}", e.id(),
                        workspace.slug(), j.verdict().recommendation());
            }
            j.concluded().ifPresent(done -> log.info("experiment {} of workspace {} concluded by auto_conclude: {}",
                    e.id(), workspace.slug(), done.conclusion()));
            return j.concluded().isPresent();
        } catch (RuntimeException failure) {
            log.warn("judging experiment {} of workspace {} failed: {}", e.id(), workspace.slug(), failure.toString());
            return false;
        }
    }
}
