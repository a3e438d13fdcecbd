package dev.sextant.store.audit;

import dev.sextant.model.WorkspaceId;

/**
 * The audit log (issue 8 item 6): who did which administrative or configuration action, when,
 * to what, from where. Append-only by design: there is no update and no delete. Retention of
 * the audit log itself is a later concern (nothing removes entries today).
 */
public interface AuditLogStore {

    /** Records one entry, stamped now; answers it with its id and time. */
    AuditEntry append(WorkspaceId workspace, NewAuditEntry entry);

    /**
     * The workspace's entries matching {@code query}, newest first (same time: by id, descending).
     *
     * @throws IllegalArgumentException when the query's cursor is not one this store issued
     */
    AuditPage page(WorkspaceId workspace, AuditQuery query);
}
