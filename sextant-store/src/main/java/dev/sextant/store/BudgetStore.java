package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** A workspace's budgets. Another workspace's budget is not found, exactly like a missing one. */
public interface BudgetStore {

    /** Every budget of the workspace, oldest first (then by id). */
    List<Budget> list(WorkspaceId workspace);

    Optional<Budget> find(WorkspaceId workspace, String budgetId);

    Budget add(WorkspaceId workspace, BudgetSpec spec);

    /** Replaces what the budget says; empty when there is no such budget. */
    Optional<Budget> replace(WorkspaceId workspace, String budgetId, BudgetSpec spec);

    boolean delete(WorkspaceId workspace, String budgetId);
}
