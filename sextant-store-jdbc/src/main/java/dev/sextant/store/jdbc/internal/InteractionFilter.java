package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause over {@code traces t} that an {@link InteractionQuery} selects, always
 * starting with the workspace. Every value is a bind parameter; no user text enters the SQL.
 */
final class InteractionFilter {
    private final StringBuilder where = new StringBuilder("t.workspace_id = ?");
    private final List<Object> values = new ArrayList<>();
    private boolean narrowed;

    InteractionFilter(Dialect dialect, WorkspaceId workspace, InteractionQuery q) {
        values.add(workspace.value());
        add("t.started_at >= ?", q.from());
        add("t.started_at < ?", q.to());
        add("t.agent_id = ?", q.agentId());
        add("t.conversation_id = ?", q.conversationId());
        add("t.session_id = ?", q.sessionId());
        add("t.user_id = ?", q.userId());
        add("t.message_type = ?", q.messageType());
        add("t.status = ?", q.status() == null ? null : q.status().wire());
        add("t.confidence >= ?", q.minConfidence());
        add("t.confidence <= ?", q.maxConfidence());
        add("EXISTS (SELECT 1 FROM spans m WHERE m.workspace_id = t.workspace_id AND m.trace_id = t.id"
                + " AND m.model = ?)", q.model());
        add(dialect.jsonArrayContains("t.tags"), q.tag());
        if (q.handoff() != null) {
            narrowed = true;
            where.append(q.handoff()
                    ? " AND t.handoff_triggered = TRUE"
                    : " AND (t.handoff_triggered IS NULL OR t.handoff_triggered = FALSE)");
        }
    }

    private void add(String predicate, Object value) {
        if (value != null) {
            narrowed = true;
            where.append(" AND ").append(predicate);
            values.add(value);
        }
    }

    /** Adds a predicate with its own bind values (the cursor's keyset condition). */
    InteractionFilter and(String predicate, Object... more) {
        narrowed = true;
        where.append(" AND ").append(predicate);
        values.addAll(List.of(more));
        return this;
    }

    /** True when the filter selects every trace of the workspace: its only value is the workspace id. */
    boolean workspaceOnly() {
        return !narrowed;
    }

    String where() {
        return where.toString();
    }

    List<Object> values() {
        return values;
    }
}
