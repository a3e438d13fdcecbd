package dev.sextant.store.context;

import dev.sextant.model.WorkspaceId;
import java.util.List;

/**
 * Typed context items of traces and sessions (issue 8 item 1), read back per interaction. Items
 * are written with their records through {@link dev.sextant.store.TrackingWriter} (in
 * {@link dev.sextant.store.WorkspaceBatch#contexts()}), in the same transaction; erasure and
 * retention delete the items of what they delete.
 */
public interface ContextStore {

    /** A page of interactions with their context and outcome, in trace id order (see {@link ContextQuery}). */
    List<ContextObservation> observations(WorkspaceId workspace, ContextQuery query);

    /** How many interactions the query's window and agent hold (cursor and limit ignored). */
    long count(WorkspaceId workspace, ContextQuery query);

    /**
     * The effective context of one interaction (its own items, then its session's for the types
     * it did not send), by type then value; empty when the trace has none or is not stored.
     */
    List<ContextItem> items(WorkspaceId workspace, String traceId);
}
