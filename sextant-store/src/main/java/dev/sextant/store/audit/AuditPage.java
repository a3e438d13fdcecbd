package dev.sextant.store.audit;

import java.util.List;

/** One page of entries, newest first; {@code nextCursor} is null on the last page. */
public record AuditPage(List<AuditEntry> entries, String nextCursor) {
    public AuditPage {
        entries = List.copyOf(entries);
    }
}
