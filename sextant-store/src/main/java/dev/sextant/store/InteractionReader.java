package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.util.Optional;

public interface InteractionReader {

    /** Traces newest first; an unreadable cursor is an {@link IllegalArgumentException}. */
    InteractionPage list(WorkspaceId workspace, InteractionQuery query, PageRequest page);

    /** The trace with its spans and scores; empty when this workspace has no such trace. */
    Optional<TraceDetail> get(WorkspaceId workspace, String traceId);

    InteractionStats stats(WorkspaceId workspace, InteractionQuery query);
}
