package dev.sextant.server.retention;

import dev.sextant.model.WorkspaceId;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.store.RetentionCounts;
import dev.sextant.store.RetentionCutoffs;
import dev.sextant.store.RetentionRun;
import dev.sextant.store.RetentionStore;
import dev.sextant.store.SextantStore;
import dev.sextant.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One retention run of one workspace: the purge with the workspace's cutoffs, then the run's
 * record. One run per workspace at a time (the schedule and "run now" wait for each other). A
 * run that removed something moves the workspace's data version, so cached answers are redone.
 */
@Component
class RetentionJob {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionStore store;
    private final RetentionPolicies policies;
    private final RetentionSettings settings;
    private final DataVersions versions;
    private final Clock clock;
    private final ConcurrentMap<WorkspaceId, ReentrantLock> running = new ConcurrentHashMap<>();

    RetentionJob(SextantStore store, RetentionPolicies policies, RetentionSettings settings, DataVersions versions,
            Clock clock) {
        this.store = store.retention();
        this.policies = policies;
        this.settings = settings;
        this.versions = versions;
        this.clock = clock;
    }

    RetentionRun run(WorkspaceId workspace) {
        ReentrantLock lock = running.computeIfAbsent(workspace, w -> new ReentrantLock());
        lock.lock();
        try {
            Instant started = clock.instant();
            RetentionCutoffs cutoffs = policies.cutoffs(workspace, started);
            RetentionCounts deleted = RetentionCounts.NONE;
            String error = null;
            try {
                deleted = store.purge(workspace, cutoffs, settings.batchSize());
            } catch (StoreException e) {
                error = e.getMessage();
                log.warn("retention run of workspace {} failed: {}", workspace, e.getMessage());
            }
            RetentionRun run = new RetentionRun(started, clock.instant(), deleted, error);
            store.recordRun(workspace, run);
            if (deleted.removedAnything() || error != null) {
                versions.changed(workspace); // a failed run may have removed batches before failing
            }
            return run;
        } finally {
            lock.unlock();
        }
    }
}
