package dev.sextant.store;

import dev.sextant.model.WorkspaceId;

/**
 * What agents decide and where they give up: detected intents, hand-offs and decision points,
 * computed in the database over the traces an {@link InteractionQuery} selects.
 */
public interface BehaviourReader {

    /** Per primary intent (the listed intent with the highest confidence): volume, cost, latency, feedback. */
    IntentAnalytics intents(WorkspaceId workspace, IntentQuery query);

    /** Hand-off counts by reason and target, time to hand-off, and outcomes of handed-off traces vs the others. */
    HandoffAnalytics handoffs(WorkspaceId workspace, InteractionQuery query);

    /** Per decision point: confidence, alternatives chosen and offered, low-confidence decisions, outcomes. */
    DecisionAnalytics decisions(WorkspaceId workspace, DecisionQuery query);
}
