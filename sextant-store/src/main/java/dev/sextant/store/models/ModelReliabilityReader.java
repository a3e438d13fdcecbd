package dev.sextant.store.models;

import dev.sextant.model.WorkspaceId;
import java.util.List;

/** Production reliability of a model id, computed in the database from traces, spans and scores. */
public interface ModelReliabilityReader {

    /** One entry per UTC day that has at least one selected trace, oldest first. */
    List<ReliabilityDay> daily(WorkspaceId workspace, ReliabilityQuery query);
}
