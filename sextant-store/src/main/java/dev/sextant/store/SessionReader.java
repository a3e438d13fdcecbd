package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.util.Optional;

/**
 * Working sessions (the {@code session} items the SDK and CLI send) with totals over the traces
 * that name them in {@code session_id}. A session is listed once its own record has arrived;
 * traces that name a session without one are still counted when it comes.
 */
public interface SessionReader {

    /** Sessions newest first (start time, then id; never-started ones last); an unreadable cursor is an {@link IllegalArgumentException}. */
    SessionPage list(WorkspaceId workspace, SessionQuery query, PageRequest page);

    /**
     * The session with its traces (oldest first) and its tool calls and code generations
     * (oldest first), at most {@code maxItems} of each; empty when this workspace has no such session.
     */
    Optional<SessionDetail> get(WorkspaceId workspace, String sessionId, int maxItems);
}
