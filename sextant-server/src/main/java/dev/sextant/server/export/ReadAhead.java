package dev.sextant.server.export;

import dev.sextant.store.ExportColumn;
import dev.sextant.store.ExportSink;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs an export's database read on its own thread while the calling thread writes the file, so
 * the two overlap instead of taking turns (on the benchmark's 1M-span CSV export, formatting and
 * sending the rows cost about as much as the query). Between them sits a queue of at most
 * {@link #CAPACITY} rows: memory stays bounded, and a slow client slows the read down. When the
 * writer fails (the client went away) the read is told to stop at its next row; when the read
 * fails, the writer gets its exception.
 */
final class ReadAhead {
    static final int CAPACITY = 2048;
    private static final Object END = new Object();

    private ReadAhead() {}

    /** Lets {@code read} feed a sink on another thread and hands what it sends to {@code writer} here. */
    static void run(Consumer<ExportSink> read, ExportSink writer) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
        Reader reader = new Reader(queue);
        Thread thread = Thread.ofPlatform().name("sextant-export-read").daemon().unstarted(() -> {
            Object last = END;
            try {
                read.accept(reader);
            } catch (Throwable e) {
                last = e;
            }
            reader.put(last);
        });
        thread.start();
        try {
            drain(queue, writer);
        } catch (RuntimeException | Error e) {
            reader.stopped = true;
            queue.clear(); // frees a reader waiting on a full queue; it stops at its next row
            throw e;
        } finally {
            join(thread, queue);
        }
    }

    @SuppressWarnings("unchecked")
    private static void drain(BlockingQueue<Object> queue, ExportSink writer) {
        while (true) {
            Object next = take(queue);
            switch (next) {
                case Object[] row -> writer.row(row);
                case List<?> columns -> writer.columns((List<ExportColumn>) columns);
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                case Throwable e -> throw new IllegalStateException("the export's read failed: " + e.getMessage(), e);
                default -> {
                    return; // END
                }
            }
        }
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for export rows");
        }
    }

    /** Waits for the reader to finish, emptying the queue so that it is never stuck on a full one. */
    private static void join(Thread thread, BlockingQueue<Object> queue) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            queue.clear();
            try {
                thread.join(50);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The sink the store's export writes into, on the reading thread. */
    private static final class Reader implements ExportSink {
        private final BlockingQueue<Object> queue;
        volatile boolean stopped;

        Reader(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        @Override
        public void columns(List<ExportColumn> columns) {
            put(List.copyOf(columns));
        }

        @Override
        public void row(Object[] values) {
            put(values);
        }

        void put(Object item) {
            if (stopped && item != END && !(item instanceof Throwable)) {
                throw new CancellationException("the export's writer stopped");
            }
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while handing over export rows");
            }
        }
    }
}
