package dev.sextant.store.jdbc.internal;

import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.context.ContextItem;
import dev.sextant.store.context.ContextItems;
import dev.sextant.store.context.ContextOwner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the context items of one tracking write, inside its transaction: each record's old items
 * are deleted (a batch of owners per statement) and its new ones inserted, so re-sending a record
 * replaces its context. The last copy of a record across the write's batches wins.
 * On DuckDB ({@link #writeAppending}) the DELETE is left out for traces the same write has just
 * inserted (they cannot have items yet; the DELETE scans the whole table there, having no index),
 * and the rows go in through the Appender instead of one INSERT execution per row.
 */
final class ContextRows {
    private static final int IDS_PER_DELETE = 1_000;

    private record Owner(String workspace, ContextOwner kind, String id) {}

    private final Map<Owner, List<ContextItem>> owners = new LinkedHashMap<>();

    ContextRows(List<WorkspaceBatch> batches) {
        for (WorkspaceBatch batch : batches) {
            for (ContextItems items : batch.contexts()) {
                owners.put(new Owner(batch.workspace().value(), items.owner(), items.ownerId()), items.items());
            }
        }
    }

    boolean isEmpty() {
        return owners.isEmpty();
    }

    void write(Connection c) throws SQLException {
        if (owners.isEmpty()) {
            return;
        }
        delete(c, Set.of());
        insert(c);
    }

    /**
     * DuckDB: the items of the traces in {@code newTraces} (just inserted by this transaction) are
     * not deleted first, and every row is appended with the Appender. The transaction must have
     * begun (a statement ran in it): rows appended before would be committed on their own.
     */
    void writeAppending(Connection c, Set<MergedBatch.Key> newTraces) throws SQLException {
        if (owners.isEmpty()) {
            return;
        }
        delete(c, newTraces);
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<Owner, List<ContextItem>> e : owners.entrySet()) {
            Owner owner = e.getKey();
            boolean trace = owner.kind() == ContextOwner.TRACE;
            for (ContextItem item : e.getValue()) {
                rows.add(new Object[] {owner.workspace(), trace ? owner.id() : null, trace ? null : owner.id(), item.type(),
                        item.text(), item.number()});
            }
        }
        AppenderStageLoader.appendRows(c, null, "context_items", rows);
    }

    private void delete(Connection c, Set<MergedBatch.Key> newTraces) throws SQLException {
        Map<String, List<Owner>> byWorkspaceAndKind = new LinkedHashMap<>();
        for (Owner owner : owners.keySet()) {
            if (owner.kind() == ContextOwner.TRACE && newTraces.contains(new MergedBatch.Key(owner.workspace(), owner.id()))) {
                continue;
            }
            byWorkspaceAndKind.computeIfAbsent(owner.workspace() + '\u0000' + owner.kind(), k -> new ArrayList<>()).add(owner);
        }
        for (List<Owner> group : byWorkspaceAndKind.values()) {
            String column = column(group.get(0).kind());
            for (int from = 0; from < group.size(); from += IDS_PER_DELETE) {
                List<Owner> part = group.subList(from, Math.min(group.size(), from + IDS_PER_DELETE));
                List<Object> bound = new ArrayList<>();
                bound.add(part.get(0).workspace());
                part.forEach(o -> bound.add(o.id()));
                try (PreparedStatement delete = SqlValues.prepare(c, bound, "DELETE FROM context_items WHERE workspace_id = ?"
                        + " AND " + column + " IN (" + String.join(", ", Collections.nCopies(part.size(), "?")) + ")")) {
                    delete.executeUpdate();
                }
            }
        }
    }

    private void insert(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO context_items"
                + " (workspace_id, trace_id, session_id, item_type, value_text, value_num) VALUES (?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Map.Entry<Owner, List<ContextItem>> e : owners.entrySet()) {
                Owner owner = e.getKey();
                for (ContextItem item : e.getValue()) {
                    insert.setString(1, owner.workspace());
                    if (owner.kind() == ContextOwner.TRACE) {
                        insert.setString(2, owner.id());
                        insert.setNull(3, Types.VARCHAR);
                    } else {
                        insert.setNull(2, Types.VARCHAR);
                        insert.setString(3, owner.id());
                    }
                    insert.setString(4, item.type());
                    insert.setString(5, item.text());
                    if (item.number() == null) {
                        insert.setNull(6, Types.DOUBLE);
                    } else {
                        insert.setDouble(6, item.number());
                    }
                    insert.addBatch();
                    pending++;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    static String column(ContextOwner kind) {
        return kind == ContextOwner.TRACE ? "trace_id" : "session_id";
    }
}
