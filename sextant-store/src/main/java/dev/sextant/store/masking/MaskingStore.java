package dev.sextant.store.masking;

import dev.sextant.model.WorkspaceId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Masking at ingestion (issue 8 item 5): a workspace's rules (JSON text the ingest path reads;
 * absent means the defaults), the secret its keyed hashes use, and how many values each
 * detector masked, hashed or dropped per day.
 */
public interface MaskingStore {

    /** The rules the workspace saved, as JSON text, or empty when it never saved any. */
    Optional<StoredMaskingRules> rules(WorkspaceId workspace);

    /** Replaces the workspace's rules. */
    void setRules(WorkspaceId workspace, String rulesJson);

    /**
     * The workspace's hashing secret (32 random bytes), created on first use; every caller, on
     * every server instance, gets the same bytes for the same workspace.
     */
    byte[] hashingSecret(WorkspaceId workspace);

    /** Adds {@code counts} to the day's counters (one transaction). */
    void addCounts(WorkspaceId workspace, LocalDate day, List<MaskingCount> counts);

    /** The counters from {@code from} to {@code to} (both included), by day, detector, action. */
    List<MaskingDayCount> counts(WorkspaceId workspace, LocalDate from, LocalDate to);
}
