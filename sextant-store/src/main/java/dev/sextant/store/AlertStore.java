package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Alerts of any producer, de-duplicated by key: at most one open (firing or acknowledged) alert
 * per workspace and key. Rules, budgets and other producers raise and resolve through this.
 */
public interface AlertStore {

    /**
     * Opens an alert for the signal's key, or, when one is open, updates it (last seen, value,
     * details, occurrences + 1; severity and title follow the signal). {@code opened} says which.
     */
    Raised raise(WorkspaceId workspace, AlertSignal signal, Instant at);

    /**
     * Resolves the open alert of that key, if there is one, and returns it. A non-null
     * {@code value} or {@code details} replaces the alert's: the numbers on which it cleared.
     */
    Optional<Alert> resolve(WorkspaceId workspace, String dedupeKey, Double value, String details, Instant at);

    /** Resolves the open alert of that key, keeping the numbers it last fired on. */
    default Optional<Alert> resolve(WorkspaceId workspace, String dedupeKey, Instant at) {
        return resolve(workspace, dedupeKey, null, null, at);
    }

    /** Marks an open alert acknowledged; empty when there is no such alert. A resolved alert keeps its status. */
    Optional<Alert> acknowledge(WorkspaceId workspace, String alertId, String by, Instant at);

    Optional<Alert> find(WorkspaceId workspace, String alertId);

    /** The open alert of that key, if any. */
    Optional<Alert> findOpen(WorkspaceId workspace, String dedupeKey);

    /** A page of alerts, newest start first (then id); one more than the page is never returned. */
    AlertPage list(WorkspaceId workspace, AlertQuery query);

    /** The result of {@link #raise}. */
    record Raised(Alert alert, boolean opened) {}

    /** One page; {@code hasMore} when a next page has alerts. */
    record AlertPage(List<Alert> items, boolean hasMore) {
        public AlertPage {
            items = List.copyOf(items);
        }
    }
}
