package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.util.function.Consumer;

/**
 * Per-unit outcomes of an A/B experiment, read from the traces stamped with its id. Rows are
 * streamed to the consumer, ordered by variant then unit id, so that an experiment with a million
 * units is never held in one list. Another workspace's traces are never seen.
 */
public interface ExperimentOutcomeReader {

    /**
     * Hands every (variant, unit) row to {@code rows}; a consumer may throw an unchecked exception
     * to stop the read.
     */
    ExperimentOutcomeTotals read(WorkspaceId workspace, ExperimentOutcomeQuery query,
            Consumer<ExperimentUnitOutcome> rows);
}
