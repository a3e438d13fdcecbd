package dev.sextant.ingest.masking;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.sextant.model.WorkspaceId;
import dev.sextant.pii.MaskAction;
import dev.sextant.pii.MaskCounts;
import dev.sextant.pii.MaskingRules;
import dev.sextant.pii.TextMasker;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.masking.MaskingCount;
import dev.sextant.store.masking.MaskingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Masking at ingestion: each workspace's rules, compiled once and kept for a few seconds (so a
 * change made on another server instance applies within {@link #REFRESH}; a change made here
 * applies at once), applied to a batch before it is queued for the writer. Counters are added
 * after the batch is committed. {@link #none()} masks nothing (tests and benchmarks only).
 */
public final class IngestMasking {
    public static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(IngestMasking.class);

    private final MaskingStore store;
    private final Clock clock;
    private final LoadingCache<WorkspaceId, Compiled> compiled;

    /** A workspace's masker and its batch-level application. */
    private record Compiled(TextMasker text, RecordMasker records) {}

    /** A batch after masking and what was done to it. */
    public record Masked(WorkspaceBatch batch, MaskCounts counts) {}

    private IngestMasking(MaskingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.compiled = store == null ? null : Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REFRESH)
                .build(this::load);
    }

    public static IngestMasking using(MaskingStore store, Clock clock) {
        return new IngestMasking(java.util.Objects.requireNonNull(store, "store"), clock);
    }

    /** Masks nothing: for tests and benchmarks that measure the path without it. */
    public static IngestMasking none() {
        return new IngestMasking(null, Clock.systemUTC());
    }

    private Compiled load(WorkspaceId workspace) {
        MaskingRules rules = store.rules(workspace).map(r -> MaskingRulesJson.parseStored(r.json()))
                .orElseGet(MaskingRules::defaults);
        byte[] secret = rules.inactive() ? new byte[32] : store.hashingSecret(workspace);
        TextMasker masker = new TextMasker(rules, secret);
        return new Compiled(masker, new RecordMasker(masker));
    }

    private Compiled of(WorkspaceId workspace) {
        return compiled.get(workspace);
    }

    /** The workspace's masker as ingestion uses it now (cached). */
    public TextMasker masker(WorkspaceId workspace) {
        return store == null ? new TextMasker(MaskingRules.defaults(), new byte[32]) : of(workspace).text();
    }

    /** Forgets the workspace's compiled rules, after they changed. */
    public void invalidate(WorkspaceId workspace) {
        if (compiled != null) {
            compiled.invalidate(workspace);
        }
    }

    /** The batch with the workspace's rules applied; unchanged when nothing is on. */
    public Masked mask(WorkspaceBatch batch) {
        MaskCounts counts = new MaskCounts();
        if (store == null) {
            return new Masked(batch, counts);
        }
        Compiled c = of(batch.workspace());
        return new Masked(c.records().mask(batch, counts), counts);
    }

    /** A message of ours that may quote a client's value, with what the rules find masked. */
    public String maskMessage(WorkspaceId workspace, String message) {
        return store == null || message == null ? message : of(workspace).text().maskForMessage(message);
    }

    /** Adds a committed batch's counts to today's counters; a failure is logged, not thrown (the data is stored). */
    public void record(WorkspaceId workspace, MaskCounts counts) {
        if (store == null || counts.isEmpty()) {
            return;
        }
        List<MaskingCount> rows = new ArrayList<>();
        for (Map.Entry<MaskCounts.Key, Long> e : counts.asMap().entrySet()) {
            MaskAction action = e.getKey().action();
            rows.add(new MaskingCount(e.getKey().detector(), action.wire(), e.getValue()));
        }
        try {
            store.addCounts(workspace, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), rows);
        } catch (RuntimeException e) {
            log.warn("masking counters of workspace {} not recorded: {}", workspace.value(), e.toString());
        }
    }
}
