package dev.sextant.server.live;

import dev.sextant.model.WorkspaceId;
import dev.sextant.server.cache.DataVersions;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The open live connections, per workspace, and the signal that the workspace's data changed
 * (from {@link DataVersions}, which ingest and cost recalculation move). A change only marks the
 * workspace's subscribers dirty and wakes them: the ingesting thread never waits for a browser.
 * Stopped before the web server's graceful shutdown, so open streams end and do not hold it up.
 */
@Component
public class LiveEvents implements SmartLifecycle {
    private final ConcurrentHashMap<WorkspaceId, Set<Subscription>> subscribers = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final LiveSettings settings;
    private volatile boolean running;

    LiveEvents(DataVersions versions, LiveSettings settings) {
        this.settings = settings;
        versions.listen((workspace, version) -> {
            Set<Subscription> subs = subscribers.get(workspace);
            if (subs != null) {
                subs.forEach(Subscription::signal);
            }
        });
    }

    /**
     * A new subscription, or empty when the server already holds its maximum of live connections.
     * Public for the other live streams (training run progress), which share the connection limit.
     */
    public Optional<Subscription> subscribe(WorkspaceId workspace) {
        if (open.incrementAndGet() > settings.maxConnections() || !running) {
            open.decrementAndGet();
            return Optional.empty();
        }
        Subscription s = new Subscription(workspace);
        subscribers.computeIfAbsent(workspace, w -> ConcurrentHashMap.newKeySet()).add(s);
        return Optional.of(s);
    }

    int openConnections() {
        return open.get();
    }

    /** One live connection: woken when its workspace's data changes or when the server stops. */
    public final class Subscription implements AutoCloseable {
        private final WorkspaceId workspace;
        private final Semaphore wake = new Semaphore(0);
        private final AtomicBoolean dirty = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();

        private Subscription(WorkspaceId workspace) {
            this.workspace = workspace;
        }

        void signal() {
            if (dirty.compareAndSet(false, true)) {
                wake.release();
            }
        }

        /** Waits up to the timeout; true when the data changed since the last call. */
        public boolean awaitChange(Duration timeout) throws InterruptedException {
            if (wake.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
            return dirty.getAndSet(false);
        }

        public boolean isClosed() {
            return closed.get() || !running;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                Set<Subscription> subs = subscribers.get(workspace);
                if (subs != null) {
                    subs.remove(this);
                }
                open.decrementAndGet();
                wake.release();
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        subscribers.values().forEach(subs -> subs.forEach(s -> s.wake.release()));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
