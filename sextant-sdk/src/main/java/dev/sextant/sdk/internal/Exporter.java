package dev.sextant.sdk.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bounded queue and its one daemon worker. {@link #offer} is all the caller's thread does:
 * a non-blocking enqueue, or a counted drop when the queue is full. The worker batches by size
 * or interval, POSTs, retries what is worth retrying and counts the rest as failed.
 */
public final class Exporter {
    /** Wakes the worker for a flush or close; never sent. */
    private static final Item WAKE = new Item() {
        @Override
        public String type() {
            return "wake";
        }

        @Override
        public String id() {
            return "wake";
        }

        @Override
        public void writeBody(tools.jackson.core.JsonGenerator json) {
            throw new IllegalStateException("the wake-up marker is never written");
        }
    };

    private final ExportSettings settings;
    private final IngestClient client;
    private final Backoff backoff;
    private final ArrayBlockingQueue<Item> queue;
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> flushes = new ConcurrentLinkedQueue<>();
    private final Thread worker;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;

    private final LongAdder queued = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retries = new LongAdder();

    public Exporter(ExportSettings settings) {
        this.settings = settings;
        this.client = new IngestClient(settings);
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.worker = new Thread(this::work, "sextant-exporter");
        worker.setDaemon(true);
        worker.start();
    }

    /** Never blocks, never throws: enqueues, or counts a drop when the queue is full or the exporter closed. */
    public boolean offer(Item item) {
        if (!closing && queue.offer(item)) {
            queued.increment();
            return true;
        }
        dropped.increment();
        WarnOnce.warn("dropped", closing
                ? "Sextant SDK is closed: records are dropped (see stats().dropped())"
                : "Sextant SDK queue is full (" + settings.queueCapacity() + " records): records are dropped "
                        + "until the exporter catches up (see stats().dropped())");
        return false;
    }

    /** Waits until everything queued before this call was sent (or failed); false on timeout. */
    public boolean flush(Duration timeout) {
        if (!worker.isAlive()) {
            return queue.isEmpty();
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        flushes.add(done);
        queue.offer(WAKE);
        return await(done, timeout);
    }

    /** Sends what is queued, then stops the worker; records offered afterwards are dropped. */
    public boolean close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return !worker.isAlive();
        }
        closing = true;
        queue.offer(WAKE);
        try {
            worker.join(Math.max(1, timeout.toMillis()));
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long left = queue.stream().filter(item -> item != WAKE).count();
        queue.clear();
        dropped.add(left);
        return left == 0 && !worker.isAlive();
    }

    public long queued() {
        return queued.sum();
    }

    public long sent() {
        return sent.sum();
    }

    public long dropped() {
        return dropped.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public int pending() {
        return (int) queue.stream().filter(item -> item != WAKE).count();
    }

    private void work() {
        List<Item> batch = new ArrayList<>(settings.maxBatchSize());
        long interval = settings.flushInterval().toNanos();
        long deadline = System.nanoTime() + interval;
        try {
            while (true) {
                long wait = deadline - System.nanoTime();
                Item item = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                if (item != null && item != WAKE) {
                    batch.add(item);
                }
                drainInto(batch);
                boolean flushing = closing || !flushes.isEmpty();
                if (flushing) {
                    List<CompletableFuture<Void>> waiting = new ArrayList<>();
                    for (CompletableFuture<Void> f; (f = flushes.poll()) != null; ) {
                        waiting.add(f);
                    }
                    // what was queued when the flush was seen; under steady load a flush must not wait for ever
                    int backlog = queue.size();
                    while (true) {
                        export(batch);
                        if (backlog <= 0 && !closing) {
                            break;
                        }
                        drainInto(batch);
                        if (batch.isEmpty()) {
                            break;
                        }
                        backlog -= batch.size();
                    }
                    waiting.forEach(f -> f.complete(null));
                    if (closing) {
                        return;
                    }
                } else if (batch.size() >= settings.maxBatchSize() || System.nanoTime() - deadline >= 0) {
                    export(batch);
                } else {
                    continue;
                }
                deadline = System.nanoTime() + interval;
            }
        } catch (InterruptedException e) {
            failed.add(batch.size());
        } catch (RuntimeException | Error e) {
            failed.add(batch.size());
            WarnOnce.warn("worker", "Sextant SDK exporter stopped by an unexpected error: " + e);
        } finally {
            flushes.forEach(f -> f.complete(null));
        }
    }

    private void drainInto(List<Item> batch) {
        int room = settings.maxBatchSize() - batch.size();
        if (room > 0) {
            queue.drainTo(batch, room);
            batch.removeIf(item -> item == WAKE);
        }
    }

    /** Sends one batch with retries; afterwards every item is counted as sent or failed and the list is empty. */
    private void export(List<Item> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        List<Item> items = List.copyOf(batch);
        batch.clear();
        send(items);
    }

    private void send(List<Item> items) throws InterruptedException {
        int size = items.size();
        byte[] body;
        try {
            body = BatchBody.of(items);
        } catch (RuntimeException e) {
            failed.add(size);
            WarnOnce.warn("serialize", "Sextant SDK could not write a batch of " + size + " records: " + e);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            Outcome outcome;
            try {
                outcome = client.post(body, size);
            } catch (InterruptedException e) {
                failed.add(size);
                throw e;
            }
            if (outcome instanceof Outcome.Delivered d) {
                sent.add(d.accepted());
                failed.add(d.rejected());
                if (d.rejected() > 0) {
                    WarnOnce.warn("rejected", "Sextant refused " + d.rejected() + " of " + size
                            + " records, e.g.: " + d.firstRejection());
                }
                return;
            }
            if (outcome instanceof Outcome.Refused r) {
                if (r.status() == 413 && size > 1) {
                    // over the server's body limit: each half may fit
                    send(items.subList(0, size / 2));
                    send(items.subList(size / 2, size));
                    return;
                }
                failed.add(size);
                WarnOnce.warn("refused-" + r.status(), "Sextant SDK dropped a batch of " + size
                        + " records, not retried: " + r.reason());
                return;
            }
            Outcome.Retryable retry = (Outcome.Retryable) outcome;
            if (attempt >= settings.maxAttempts()) {
                failed.add(size);
                WarnOnce.warn("gave-up", "Sextant SDK gave up on a batch of " + size + " records after "
                        + attempt + " attempts: " + retry.reason());
                return;
            }
            retries.increment();
            Thread.sleep(backoff.delay(attempt, retry.retryAfter()).toMillis());
        }
    }

    private static boolean await(CompletableFuture<Void> done, Duration timeout) {
        try {
            done.get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
