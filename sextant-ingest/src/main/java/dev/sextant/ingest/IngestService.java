package dev.sextant.ingest;

import dev.sextant.cost.CostAccountant;
import dev.sextant.ingest.masking.IngestMasking;
import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.StoreException;
import dev.sextant.store.TrackingWriter;
import dev.sextant.store.WorkspaceBatch;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The native ingest path: reads a {@code {"batch": [...]}} body, validates each item, merges
 * repeated ids, prices spans, and hands the batch to the {@link GroupCommitWriter}. A call
 * returns only after its accepted items are committed.
 */
public final class IngestService implements AutoCloseable {
    private final CostAccountant costs;
    private final IngestSettings settings;
    private final Clock clock;
    private final NativeBatchParser parser;
    private final GroupCommitWriter writer;
    private final IngestMasking masking;

    /** Starts the writer thread; {@link #close()} stops it. Masks nothing: for tests and benchmarks. */
    public IngestService(TrackingWriter store, CostAccountant costs, IngestSettings settings) {
        this(store, costs, settings, IngestMasking.none(), Clock.systemUTC());
    }

    /**
     * Starts the writer thread; every batch gets its workspace's masking rules applied before it
     * is queued, so what the rules mask never reaches the queue, the store or a log.
     */
    public IngestService(TrackingWriter store, CostAccountant costs, IngestSettings settings, IngestMasking masking) {
        this(store, costs, settings, masking, Clock.systemUTC());
    }

    IngestService(TrackingWriter store, CostAccountant costs, IngestSettings settings, Clock clock) {
        this(store, costs, settings, IngestMasking.none(), clock);
    }

    IngestService(TrackingWriter store, CostAccountant costs, IngestSettings settings, IngestMasking masking, Clock clock) {
        this.masking = Objects.requireNonNull(masking, "masking");
        Objects.requireNonNull(store, "store");
        this.costs = Objects.requireNonNull(costs, "costs");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.parser = new NativeBatchParser(settings.maxBodyBytes(), settings.maxItemsPerBatch());
        this.writer = new GroupCommitWriter(store, settings.queueCapacityItems(), settings.maxItemsPerCommit());
    }

    /**
     * Reads, validates, prices and commits one native batch body; returns only after the
     * accepted items are committed.
     *
     * @throws MalformedBodyException the body is not a readable batch (400)
     * @throws BodyTooLargeException the body is over {@link IngestSettings#maxBodyBytes()} (413)
     * @throws IngestBusyException the queue is full; retry after {@link IngestBusyException#retryAfter()} (429)
     * @throws IngestUnavailableException the store failed (also while reading prices), the commit timed out,
     *     or ingest is closed (503)
     */
    public IngestResult ingest(WorkspaceId workspace, InputStream body) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(body, "body");
        if (writer.closed()) {
            throw GroupCommitWriter.closedException();
        }
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        NativeBatchParser.Parsed parsed = parser.parse(workspace, body, receivedAt);
        if (parsed.acceptedCount() > 0) {
            commit(workspace, parsed.accepted());
        }
        // a rejection may quote the item's value: it gets the same masking as stored text
        List<IngestResult.Rejection> rejected = parsed.rejected().isEmpty() ? parsed.rejected()
                : parsed.rejected().stream().map(r -> new IngestResult.Rejection(r.index(), r.id(),
                        masking.maskMessage(workspace, r.error()))).toList();
        return new IngestResult(parsed.acceptedCount(), rejected);
    }

    /**
     * Prices and commits records that another front end (OTLP) has already read and validated,
     * through the same merging, cost accounting and group-commit writer as {@link #ingest(WorkspaceId,
     * InputStream)}; returns only after they are committed. Repeats of an id are merged in order.
     *
     * @throws MalformedBodyException more records than {@link IngestSettings#maxItemsPerBatch()} (400)
     * @throws IngestBusyException the queue is full (429)
     * @throws IngestUnavailableException the store failed, the commit timed out, or ingest is closed (503)
     */
    public IngestResult ingest(WorkspaceId workspace, List<Trace> traces, List<Span> spans) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(traces, "traces");
        Objects.requireNonNull(spans, "spans");
        if (writer.closed()) {
            throw GroupCommitWriter.closedException();
        }
        int count = traces.size() + spans.size();
        if (count > settings.maxItemsPerBatch()) {
            throw new MalformedBodyException("the request holds " + count + " records, over the limit of "
                    + settings.maxItemsPerBatch() + " (max_items_per_batch); send smaller batches");
        }
        BatchMerger merger = new BatchMerger(workspace);
        traces.forEach(merger::add);
        spans.forEach(merger::add);
        if (count > 0) {
            commit(workspace, merger);
        }
        return new IngestResult(count, List.of());
    }

    private void commit(WorkspaceId workspace, BatchMerger accepted) {
        WorkspaceBatch batch;
        try {
            batch = accepted.toBatch(span -> costs.account(workspace, span));
        } catch (StoreException e) {
            throw new IngestUnavailableException("could not read the workspace's model prices to cost its spans ("
                    + e.getMessage() + "); nothing of this batch was stored: send it again later", e);
        }
        IngestMasking.Masked masked;
        try {
            masked = masking.mask(batch);
        } catch (StoreException e) {
            throw new IngestUnavailableException("could not read the workspace's masking rules (" + e.getMessage()
                    + "); nothing of this batch was stored: send it again later", e);
        }
        await(writer.submit(masked.batch()));
        masking.record(workspace, masked.counts());
    }

    /** Queued items, committed items, commits and busy refusals since start. */
    public IngestStats stats() {
        return writer.stats();
    }

    /** Commits what is queued, then stops; later calls to {@link #ingest} fail with 503. */
    @Override
    public void close() {
        writer.close();
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private void await(CompletableFuture<Void> done) {
        try {
            done.get(settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IngestUnavailableException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IngestUnavailableException("the batch was not committed within " + readable(settings.commitTimeout())
                    + "; it may or may not be stored: sending it again is safe, records are keyed by id");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestUnavailableException("interrupted while waiting for the commit; the batch may or may not"
                    + " be stored: sending it again is safe, records are keyed by id");
        }
    }
}
