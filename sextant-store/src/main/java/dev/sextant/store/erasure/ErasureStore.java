package dev.sextant.store.erasure;

import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Erasure of one end user's data in one workspace (issue 8 item 7), and the receipts of past
 * erasures. A user is named by every form their id may be stored under (the id as sent and,
 * where masking hashed user ids, its {@code uh_} hash): the store matches them exactly.
 */
public interface ErasureStore {

    /**
     * Deletes the user's traces with their spans and scores, the scores the user gave, and the
     * user's sessions, in batches of at most {@code batchSize} (1 to 10,000) traces or rows, each
     * in its own transaction (ingestion goes on between batches). Passes repeat while they still find
     * something, a bounded number of times; what arrives after the last pass stays and is
     * counted by {@link #remaining}.
     */
    ErasureCounts erase(WorkspaceId workspace, Set<String> userIds, int batchSize);

    /** Traces, scores and sessions of the user still stored (records committed after an erasure's last pass). */
    long remaining(WorkspaceId workspace, Set<String> userIds);

    /** Keeps a receipt (counts and times only, nothing of the erased content). */
    void record(WorkspaceId workspace, ErasureReceipt receipt);

    /** The receipts of erasures requested for this user id (as requested), newest first. */
    List<ErasureReceipt> receipts(WorkspaceId workspace, String userId);

    Optional<ErasureReceipt> receipt(WorkspaceId workspace, String receiptId);
}
