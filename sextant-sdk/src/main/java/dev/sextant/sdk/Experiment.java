package dev.sextant.sdk;

import dev.sextant.sdk.internal.Buckets;
import dev.sextant.sdk.internal.ExperimentClient;
import dev.sextant.sdk.internal.ExperimentDefinition;
import dev.sextant.sdk.internal.WarnOnce;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One A/B experiment as the agent sees it ({@link Sextant#experiment}): its definition is fetched
 * once and kept for the cache TTL, then revalidated with its ETag; assignments are computed here
 * with the server's documented hash, so they match the server's without a request per unit. The
 * first call (and one per TTL, on one thread while the others use the copy they have) waits for
 * the server, at most the request timeout. Nothing here throws; see {@link ExperimentAssignment}
 * for what an experiment that is not running or not reachable answers.
 */
public final class Experiment {
    static final int MAX_UNIT_ID = 256;

    private final String id;
    private final ExperimentClient client;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Cached cached;

    /** The definition (null when none was ever read), its ETag, when it was last checked, and the last failure. */
    private record Cached(ExperimentDefinition definition, String etag, long checkedAt, String error) {}

    Experiment(String id, ExperimentClient client, Duration ttl, LongSupplier nanoTime) {
        this.id = id;
        this.client = client;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    public String id() {
        return id;
    }

    /** The variant of this unit (a user, session or conversation id, 1 to 256 characters). */
    public ExperimentAssignment variant(String unitId) {
        if (id == null || id.isBlank()) {
            return ExperimentAssignment.notInExperiment(id, unitId, "the experiment id is missing");
        }
        if (unitId == null || unitId.isEmpty() || unitId.length() > MAX_UNIT_ID) {
            return ExperimentAssignment.notInExperiment(id, unitId, "unitId must be 1 to " + MAX_UNIT_ID
                    + " characters, was " + (unitId == null ? "null" : unitId.length() + " characters"));
        }
        Cached c = current();
        ExperimentDefinition d = c.definition();
        if (d == null) {
            return ExperimentAssignment.notInExperiment(id, unitId, c.error());
        }
        int bucket = Buckets.bucket(id, unitId);
        if ("running".equals(d.status())) {
            List<Integer> allocations = d.variants().stream().map(ExperimentDefinition.Variant::allocation).toList();
            int index = Buckets.variantIndex(bucket, allocations);
            if (index >= 0) {
                return of(d.variants().get(index), unitId, true, bucket);
            }
            return ExperimentAssignment.notInExperiment(id, unitId, "the allocations of experiment " + id
                    + " do not cover bucket " + bucket);
        }
        ExperimentDefinition.Variant winner = d.winner() == null ? null : d.variant(d.winner());
        boolean ended = "stopped".equals(d.status()) || "concluded".equals(d.status());
        return of(ended && winner != null ? winner : d.control(), unitId, false, bucket);
    }

    private ExperimentAssignment of(ExperimentDefinition.Variant v, String unitId, boolean in, int bucket) {
        return new ExperimentAssignment(id, unitId, v.id(), v.configurationVersion(), v.control(), in, bucket, null);
    }

    private Cached current() {
        Cached c = cached;
        if (c != null && nanoTime.getAsLong() - c.checkedAt() < ttlNanos) {
            return c;
        }
        if (c == null) {
            refreshing.lock(); // nothing to answer with yet: wait for the one fetch
        } else if (!refreshing.tryLock()) {
            return c; // another thread revalidates; this one uses the copy it has
        }
        try {
            Cached now = cached;
            if (now == null || nanoTime.getAsLong() - now.checkedAt() >= ttlNanos) {
                cached = refreshed(now);
            }
            return cached;
        } finally {
            refreshing.unlock();
        }
    }

    private Cached refreshed(Cached old) {
        ExperimentClient.Fetch f = client.fetch(id, old == null ? null : old.etag());
        long now = nanoTime.getAsLong();
        if (f.error() != null) {
            WarnOnce.warn("experiment-" + id, "Sextant SDK: cannot read experiment " + id + ": " + f.error()
                    + (old != null && old.definition() != null ? "; using the copy read before" : ""));
            // keep what was read before; try again after the TTL
            return new Cached(old == null ? null : old.definition(), old == null ? null : old.etag(), now, f.error());
        }
        if (f.notModified()) {
            return new Cached(old.definition(), old.etag(), now, null);
        }
        return new Cached(f.definition(), f.etag(), now, null);
    }
}
