package dev.sextant.server.retention;

import dev.sextant.model.Workspace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.boot.Readiness;
import dev.sextant.store.RetentionRun;
import dev.sextant.store.RetentionStore;
import dev.sextant.store.SextantStore;
import dev.sextant.store.WorkspaceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs each workspace's retention once per {@code sextant.retention.interval}: a workspace is
 * due an interval after its last run started (or after this server started, if it never ran),
 * so a restart does not postpone an overdue run, nor does it repeat one that just happened.
 * Due workspaces are checked every minute (or every interval, if shorter) and run one after the
 * other on one thread: a purge is database work, and one at a time leaves the database to
 * ingestion and the API.
 *
 * <p>A scheduled run that removed something, or stopped on an error, is recorded in the audit log
 * as {@code retention.run} by the system actor with what it removed; a run that found nothing to
 * remove is not (it would add an entry per workspace per interval, burying the actions of people;
 * the last run, empty or not, is in {@code GET /api/v1/governance/retention}).
 */
@Component
class RetentionScheduler implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);
    private static final Duration CHECK = Duration.ofMinutes(1);
    /** The actor name of the scheduled runs' audit entries. */
    static final String JOB = "retention schedule";

    private final WorkspaceStore workspaces;
    private final RetentionStore store;
    private final RetentionJob job;
    private final AuditTrail audit;
    private final Readiness readiness;
    private final RetentionSettings settings;
    private final Clock clock;
    private final Instant createdAt;
    private ScheduledExecutorService timer;

    RetentionScheduler(SextantStore store, RetentionJob job, Readiness readiness, RetentionSettings settings,
            Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.workspaces = store.workspaces();
        this.store = store.retention();
        this.job = job;
        this.readiness = readiness;
        this.settings = settings;
        this.clock = clock;
        this.createdAt = clock.instant();
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sextant-retention").factory());
        long every = check().toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow(); // a purge stops between two batches
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** When the workspace's next scheduled run is due (it starts at the first check after that). */
    Instant nextRunAt(WorkspaceId workspace) {
        return nextRunAt(store.lastRun(workspace));
    }

    private Instant nextRunAt(Optional<RetentionRun> last) {
        return last.map(RetentionRun::startedAt).orElse(createdAt).plus(settings.interval());
    }

    private Duration check() {
        return settings.interval().compareTo(CHECK) < 0 ? settings.interval() : CHECK;
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
                if (!clock.instant().isBefore(nextRunAt(store.lastRun(workspace.id())))) {
                    RetentionRun run = job.run(workspace.id());
                    if (run.deleted().removedAnything()) {
                        log.info("retention of workspace {} removed {}", workspace.slug(), run.deleted());
                    }
                    if (run.deleted().removedAnything() || run.error() != null) {
                        audit.recordSystem(workspace.id(), JOB, "retention.run", "retention", null,
                                AuditTrail.details("trigger", "schedule", "result", RetentionView.RunView.of(run)));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("retention round failed: {}", e.toString());
        }
    }
}
