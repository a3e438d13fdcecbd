package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** A workspace's alert rules. */
public interface AlertRuleStore {

    AlertRule create(WorkspaceId workspace, AlertRuleSpec spec);

    Optional<AlertRule> find(WorkspaceId workspace, String ruleId);

    /** Every rule of the workspace, oldest first (then by id). */
    List<AlertRule> list(WorkspaceId workspace);

    /** Replaces the rule's spec; empty when the workspace has no such rule. */
    Optional<AlertRule> update(WorkspaceId workspace, String ruleId, AlertRuleSpec spec);

    boolean delete(WorkspaceId workspace, String ruleId);
}
