package dev.sextant.ingest;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.TrackingWriter;
import dev.sextant.store.WorkspaceBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded queue, measured in items, in front of one writer thread. The thread takes what is
 * queued (up to {@code maxItemsPerCommit}, never splitting a request), merges it per workspace,
 * writes it in one transaction and only then completes the requests' futures. A full queue
 * refuses the request ({@link IngestBusyException}); a failed write fails every request of that
 * commit ({@link IngestUnavailableException}); {@link #close()} commits what is queued, then stops.
 */
final class GroupCommitWriter implements AutoCloseable {
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final Pending STOP = new Pending(null, 0, null);

    private record Pending(WorkspaceBatch batch, int items, CompletableFuture<Void> done) {}

    private final TrackingWriter store;
    private final int capacity;
    private final int maxItemsPerCommit;
    private final Semaphore free;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private final AtomicLong committedItems = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong rejectedBusy = new AtomicLong();
    private final Thread thread;

    GroupCommitWriter(TrackingWriter store, int queueCapacityItems, int maxItemsPerCommit) {
        this.store = store;
        this.capacity = queueCapacityItems;
        this.maxItemsPerCommit = maxItemsPerCommit;
        this.free = new Semaphore(queueCapacityItems);
        this.thread = Thread.ofPlatform().name("sextant-group-commit").daemon(true).start(this::run);
    }

    /** Queues one request's batch; the future completes once it is committed (or failed). */
    CompletableFuture<Void> submit(WorkspaceBatch batch) {
        int items = batch.size();
        gate.readLock().lock();
        try {
            if (closed) {
                throw closedException();
            }
            if (!free.tryAcquire(items)) {
                rejectedBusy.incrementAndGet();
                throw new IngestBusyException("ingest queue is full (" + capacity + " items waiting to be stored);"
                        + " nothing of this batch was stored: send it again after " + RETRY_AFTER.toSeconds() + " s",
                        RETRY_AFTER);
            }
            Pending pending = new Pending(batch, items, new CompletableFuture<>());
            queue.add(pending);
            return pending.done;
        } finally {
            gate.readLock().unlock();
        }
    }

    boolean closed() {
        return closed;
    }

    IngestStats stats() {
        return new IngestStats(capacity - free.availablePermits(), committedItems.get(), commits.get(),
                rejectedBusy.get());
    }

    /** Commits everything queued before this call, then stops the writer thread. */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        } finally {
            gate.writeLock().unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static IngestUnavailableException closedException() {
        return new IngestUnavailableException("ingest is shut down; nothing of this batch was stored");
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            Pending first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                continue; // only STOP ends the thread, so nothing queued is left behind
            }
            if (first == STOP) {
                return;
            }
            group.add(first);
            int items = first.items;
            for (Pending next = queue.peek(); next != null && next != STOP && items + next.items <= maxItemsPerCommit;
                    next = queue.peek()) {
                queue.poll();
                group.add(next);
                items += next.items;
            }
            commit(group, items);
            group.clear();
        }
    }

    private void commit(List<Pending> group, int items) {
        IngestUnavailableException failure = null;
        try {
            store.write(perWorkspace(group));
            committedItems.addAndGet(items);
            commits.incrementAndGet();
        } catch (RuntimeException | Error e) {
            LOG.warn("Group commit of {} items in {} requests failed", items, group.size(), e);
            failure = new IngestUnavailableException("the store could not commit this batch (" + e.getMessage()
                    + "); nothing of it was stored: send it again later", e);
        }
        // Free the queue before answering, so a client that sends again at once finds room.
        free.release(items);
        for (Pending p : group) {
            if (failure == null) {
                p.done.complete(null);
            } else {
                p.done.completeExceptionally(failure);
            }
        }
    }

    private static List<WorkspaceBatch> perWorkspace(List<Pending> group) {
        if (group.size() == 1) {
            return List.of(group.getFirst().batch);
        }
        Map<WorkspaceId, List<WorkspaceBatch>> byWorkspace = new LinkedHashMap<>();
        for (Pending p : group) {
            byWorkspace.computeIfAbsent(p.batch.workspace(), w -> new ArrayList<>(1)).add(p.batch);
        }
        List<WorkspaceBatch> batches = new ArrayList<>(byWorkspace.size());
        for (Map.Entry<WorkspaceId, List<WorkspaceBatch>> e : byWorkspace.entrySet()) {
            if (e.getValue().size() == 1) {
                batches.add(e.getValue().getFirst());
            } else {
                BatchMerger merger = new BatchMerger(e.getKey());
                e.getValue().forEach(merger::addAll);
                batches.add(merger.toBatch(span -> span));
            }
        }
        return batches;
    }
}
