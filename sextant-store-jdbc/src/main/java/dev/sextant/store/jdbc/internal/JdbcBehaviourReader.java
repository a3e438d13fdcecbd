package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.BehaviourReader;
import dev.sextant.store.DecisionAnalytics;
import dev.sextant.store.DecisionQuery;
import dev.sextant.store.HandoffAnalytics;
import dev.sextant.store.IntentAnalytics;
import dev.sextant.store.IntentQuery;
import dev.sextant.store.InteractionQuery;
import java.util.Objects;

/** Intents, hand-offs and decisions: one query class per family, the same SQL on both databases but for JSON. */
final class JdbcBehaviourReader implements BehaviourReader {
    private final IntentBreakdownQuery intents;
    private final HandoffBreakdownQuery handoffs;
    private final DecisionBreakdownQuery decisions;

    JdbcBehaviourReader(Database database) {
        this.intents = new IntentBreakdownQuery(database);
        this.handoffs = new HandoffBreakdownQuery(database);
        this.decisions = new DecisionBreakdownQuery(database);
    }

    @Override
    public IntentAnalytics intents(WorkspaceId workspace, IntentQuery query) {
        return intents.run(Objects.requireNonNull(workspace, "workspace"), Objects.requireNonNull(query, "query"));
    }

    @Override
    public HandoffAnalytics handoffs(WorkspaceId workspace, InteractionQuery query) {
        return handoffs.run(Objects.requireNonNull(workspace, "workspace"), Objects.requireNonNull(query, "query"));
    }

    @Override
    public DecisionAnalytics decisions(WorkspaceId workspace, DecisionQuery query) {
        return decisions.run(Objects.requireNonNull(workspace, "workspace"), Objects.requireNonNull(query, "query"));
    }
}
