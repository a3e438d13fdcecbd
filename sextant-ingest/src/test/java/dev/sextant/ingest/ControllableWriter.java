package dev.sextant.ingest;

import dev.sextant.store.StoreException;
import dev.sextant.store.TrackingWriter;
import dev.sextant.store.WorkspaceBatch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Wraps the real store's writer so a test can hold the writer thread inside a commit (to fill
 * the queue deterministically) and make commits fail (a test double of a database failure).
 */
final class ControllableWriter implements TrackingWriter {
    private final TrackingWriter real;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holdFirst;
    private volatile boolean failing;
    private final List<List<WorkspaceBatch>> calls = new CopyOnWriteArrayList<>();

    ControllableWriter(TrackingWriter real) {
        this.real = real;
    }

    /** The next commit waits inside {@code write} until {@link #release()}. */
    ControllableWriter holdFirstCommit() {
        holdFirst = true;
        return this;
    }

    void awaitHeld() throws InterruptedException {
        entered.await();
    }

    void release() {
        release.countDown();
    }

    void failing(boolean failing) {
        this.failing = failing;
    }

    /** What each commit was given, in order. */
    List<List<WorkspaceBatch>> calls() {
        return calls;
    }

    @Override
    public void write(List<WorkspaceBatch> batches) {
        calls.add(batches);
        if (holdFirst) {
            holdFirst = false;
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failing) {
            throw new StoreException("disk full (simulated)", null);
        }
        real.write(batches);
    }
}
