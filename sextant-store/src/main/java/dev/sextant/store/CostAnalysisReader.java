package dev.sextant.store;

import dev.sextant.model.WorkspaceId;

/**
 * The data behind cost optimisation, aggregated in the database over the traces an
 * {@link InteractionQuery} selects (and their spans and scores): outcomes per task and model for
 * model-substitution tests, the most expensive operations, cost per group, and token waste.
 */
public interface CostAnalysisReader {

    /** Per task (trace name or top intent) and dominant model: executions, outcomes, cost, ratings. */
    ModelOutcomes modelOutcomes(WorkspaceId workspace, ModelOutcomes.Query query);

    /** The most expensive trace names, span names with their model, and agents; top {@code limit} of each. */
    CostOperations operations(WorkspaceId workspace, InteractionQuery query, int limit);

    /** Trace cost per conversation, session, user, tag value or metadata value; the {@code limit} costliest. */
    CostBreakdown breakdown(WorkspaceId workspace, InteractionQuery query, CostBreakdown.Grouping grouping, int limit);

    /** Prompt growth within conversations, cache use per model and day, repeated identical prompts. */
    TokenWaste waste(WorkspaceId workspace, InteractionQuery query, int minTurns, int limit);
}
