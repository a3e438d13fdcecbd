package dev.sextant.server.erasure;

import dev.sextant.model.WorkspaceId;
import dev.sextant.pii.MaskingRules;
import dev.sextant.pii.TextMasker;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.store.SextantStore;
import dev.sextant.store.erasure.ErasureCounts;
import dev.sextant.store.erasure.ErasureReceipt;
import dev.sextant.store.erasure.ErasureStore;
import dev.sextant.store.masking.MaskingStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * One erasure of one end user in one workspace: the id as sent and its keyed hash (the form
 * masking stores when {@code hash_user_ids} is or ever was on) are both erased, in batches; the
 * receipt is kept; cached analytics answers are redone. One erasure per workspace at a time.
 */
@Component
class UserErasure {
    private final ErasureStore store;
    private final MaskingStore masking;
    private final DataVersions versions;
    private final Clock clock;
    private final int batchSize;
    private final ConcurrentMap<WorkspaceId, ReentrantLock> running = new ConcurrentHashMap<>();

    UserErasure(SextantStore store, DataVersions versions, Clock clock, ErasureSettings settings) {
        this.store = store.erasure();
        this.masking = store.masking();
        this.versions = versions;
        this.clock = clock;
        this.batchSize = settings.batchSize();
    }

    ErasureReceipt erase(WorkspaceId workspace, String userId) {
        ReentrantLock lock = running.computeIfAbsent(workspace, w -> new ReentrantLock());
        lock.lock();
        try {
            Instant requested = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored: the answer equals the kept receipt
            Set<String> forms = storedForms(workspace, userId);
            ErasureCounts deleted = store.erase(workspace, forms, batchSize);
            long remaining = store.remaining(workspace, forms);
            ErasureReceipt receipt = new ErasureReceipt("erasure_" + UUID.randomUUID().toString().replace("-", ""),
                    userId, requested, clock.instant().truncatedTo(ChronoUnit.MICROS), deleted, remaining);
            store.record(workspace, receipt);
            if (deleted.removedAnything()) {
                versions.changed(workspace);
            }
            return receipt;
        } finally {
            lock.unlock();
        }
    }

    /** The id as sent, and as masking would have stored it under the workspace's hashing secret. */
    private Set<String> storedForms(WorkspaceId workspace, String userId) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(userId);
        TextMasker hasher = new TextMasker(MaskingRules.defaults(), masking.hashingSecret(workspace));
        forms.add("uh_" + hasher.hash("user:" + userId));
        return forms;
    }
}
