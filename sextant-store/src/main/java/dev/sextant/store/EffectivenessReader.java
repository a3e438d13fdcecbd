package dev.sextant.store;

import dev.sextant.model.WorkspaceId;

/**
 * Agent and tool effectiveness, computed in the database over the traces an
 * {@link InteractionQuery} selects (and the spans of those traces).
 */
public interface EffectivenessReader {

    /** Per tool name: calls, failures, latency and the most common failure reasons. */
    ToolEffectiveness tools(WorkspaceId workspace, InteractionQuery query, ToolEffectiveness.Sort sort, int limit);

    /** Per agent id: executions (traces), success, latency and cost. */
    AgentEffectiveness agents(WorkspaceId workspace, InteractionQuery query, int limit);

    /** Errors of spans and traces grouped by their message with digits and ids normalised away. */
    ErrorPatterns errors(WorkspaceId workspace, InteractionQuery query, int limit);
}
