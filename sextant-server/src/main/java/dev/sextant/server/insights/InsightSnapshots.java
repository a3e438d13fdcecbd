package dev.sextant.server.insights;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.sextant.analytics.insights.InsightEngine;
import dev.sextant.analytics.insights.InsightReport;
import dev.sextant.model.Workspace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InsightPeriods;
import dev.sextant.store.InsightSource;
import dev.sextant.store.SextantStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Insight runs over a window that ends now ("the last 7 days"), kept per workspace, window and
 * agent and recomputed in the background: a request gets the newest finished run at once, and a
 * run older than {@code sextant.insights.refresh} starts a new one for the requests after it.
 * Only the first request for a window nobody asked for recently waits for the run (and the 7-day
 * window of every workspace is computed at startup). One run at a time, on one thread: the
 * detectors' reads are heavy and the machine also has to ingest.
 */
@Component
class InsightSnapshots implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(InsightSnapshots.class);

    record Key(WorkspaceId workspace, int days, String agentId) {}

    private final InsightSource source;
    private final SextantStore store;
    private final Clock clock;
    private final InsightSettings settings;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("insight-snapshots").factory());
    private final LoadingCache<Key, InsightReport> reports;

    InsightSnapshots(SextantStore store, Clock clock, InsightSettings settings) {
        this.source = store.insights();
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.reports = Caffeine.newBuilder().maximumSize(10_000).executor(runner)
                .refreshAfterWrite(settings.refresh()).expireAfterAccess(settings.idle()).build(this::run);
    }

    /** The newest run for the window (waiting only when there is none yet). */
    InsightReport get(WorkspaceId workspace, int days, String agentId) {
        return reports.get(new Key(workspace, days, agentId));
    }

    private InsightReport run(Key key) {
        Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant start = end.minus(Duration.ofDays(key.days()));
        long t0 = System.nanoTime();
        InsightReport report = InsightEngine.run(source, key.workspace(),
                new InsightPeriods(start.minus(Duration.ofDays(key.days())), start, end, key.agentId()), InsightParameters.MAX_LIMIT);
        log.debug("insights for {} over {} days computed in {} ms", key.workspace(), key.days(), (System.nanoTime() - t0) / 1_000_000);
        return report;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warm() {
        if (settings.warmDays() == 0) {
            return;
        }
        runner.execute(() -> {
            try {
                for (Workspace w : store.workspaces().list()) {
                    reports.refresh(new Key(w.id(), settings.warmDays(), null));
                }
            } catch (RuntimeException e) {
                log.warn("could not list the workspaces to compute their insights ahead: {}", e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
