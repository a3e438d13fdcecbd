package dev.sextant.server.alerts;

import dev.sextant.model.Workspace;
import dev.sextant.server.boot.Readiness;
import dev.sextant.store.AlertRule;
import dev.sextant.store.AlertRuleStore;
import dev.sextant.store.SextantStore;
import dev.sextant.store.WorkspaceStore;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Evaluates every enabled rule of every workspace each {@code sextant.alerts.evaluation-interval}
 * once the server is ready. A rule whose previous evaluation is still running is skipped this
 * round (one evaluation per rule at a time), and at most {@value #PARALLEL} rules are evaluated at
 * once so that evaluations never take every database connection from ingest and the API.
 * Evaluations read through the store's reader pool; only raising or resolving an alert writes.
 */
@Component
class AlertScheduler implements SmartLifecycle {
    static final int PARALLEL = 2;
    private static final Logger log = LoggerFactory.getLogger(AlertScheduler.class);

    private final WorkspaceStore workspaces;
    private final AlertRuleStore rules;
    private final RuleRunner runner;
    private final Readiness readiness;
    private final AlertSettings settings;
    private final Clock clock;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Semaphore slots = new Semaphore(PARALLEL);
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private ScheduledExecutorService timer;

    private final List<AlertProducer> producers;

    AlertScheduler(SextantStore store, RuleRunner runner, List<AlertProducer> producers, Readiness readiness,
            AlertSettings settings, Clock clock) {
        this.producers = List.copyOf(producers);
        this.workspaces = store.workspaces();
        this.rules = store.alertRules();
        this.runner = runner;
        this.readiness = readiness;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sextant-alert-scheduler").factory());
        long every = settings.evaluationInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        workers.shutdownNow();
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** One round; never throws (a thrown exception would cancel the schedule). */
    void tick() {
        if (!readiness.ready()) {
            return;
        }
        try {
            for (Workspace workspace : workspaces.list()) {
                for (AlertRule rule : rules.list(workspace.id())) {
                    if (rule.spec().enabled()) {
                        submit(workspace, rule);
                    }
                }
                for (AlertProducer producer : producers) {
                    submit(workspace, producer);
                }
            }
        } catch (RuntimeException e) {
            log.warn("alert evaluation round failed: {}", e.toString());
        }
    }

    private void submit(Workspace workspace, AlertProducer producer) {
        submit(workspace.id().value() + "/producer:" + producer.name(), () -> producer.produce(workspace.id(),
                clock.instant()), () -> "producing " + producer.name() + " alerts of workspace " + workspace.slug());
    }

    private void submit(Workspace workspace, AlertRule rule) {
        submit(workspace.id().value() + "/" + rule.id(), () -> runner.run(workspace.id(), rule, clock.instant()),
                () -> "evaluating alert rule " + rule.id() + " of workspace " + workspace.slug());
    }

    /** Runs the task on a worker unless the same key is still running from an earlier round. */
    private void submit(String key, Runnable task, java.util.function.Supplier<String> what) {
        if (!running.add(key)) {
            return; // still evaluating from an earlier round
        }
        try {
            workers.execute(() -> {
                try {
                    slots.acquire();
                    try {
                        task.run();
                    } finally {
                        slots.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("{} failed: {}", what.get(), e.toString());
                } finally {
                    running.remove(key);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running.remove(key);
        }
    }
}
