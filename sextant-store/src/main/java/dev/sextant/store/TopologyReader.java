package dev.sextant.store;

import dev.sextant.model.WorkspaceId;

/**
 * Which agent calls or hands off to which, over the traces a {@link TopologyQuery} selects:
 * the data behind the agent topology graph of multi-agent workflows.
 */
public interface TopologyReader {

    /** The agents (nodes) and their calls and hand-offs (edges), computed in the database. */
    AgentTopology topology(WorkspaceId workspace, TopologyQuery query);
}
