package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A workspace's A/B experiments. Another workspace's experiment is not found, exactly like a
 * missing one. Writes that depend on the status check it in the same statement, so an edit that
 * races a start changes nothing rather than a running experiment.
 */
public interface ExperimentStore {

    /** The experiments the query selects, oldest first (then by id). */
    List<Experiment> list(WorkspaceId workspace, ExperimentQuery query);

    Optional<Experiment> find(WorkspaceId workspace, String experimentId);

    /**
     * Stores a new experiment with this id (null: a generated {@code exp_...} id) and status
     * (draft or running; running sets {@code startedAt}).
     *
     * @throws ConflictException when the workspace already has an experiment with this id
     */
    Experiment add(WorkspaceId workspace, String experimentId, ExperimentSpec spec, ExperimentStatus status);

    /** Replaces what a draft says; empty when there is no such experiment or it is no longer a draft. */
    Optional<Experiment> replaceDraft(WorkspaceId workspace, String experimentId, ExperimentSpec spec);

    /**
     * Moves the experiment to {@code to} when its status is one of {@code from}, stamping the time
     * that status records ({@code startedAt} for running, {@code stoppedAt} for stopped); empty
     * when there is no such experiment or its status is not one of {@code from}.
     */
    Optional<Experiment> transition(WorkspaceId workspace, String experimentId, Set<ExperimentStatus> from,
            ExperimentStatus to, Instant at);

    /** Concludes a running or stopped experiment with a winner (null: no difference) and a written conclusion. */
    Optional<Experiment> conclude(WorkspaceId workspace, String experimentId, String winner, String conclusion, Instant at);

    /** Deletes a draft; false when there is no such experiment or it is not a draft. */
    boolean deleteDraft(WorkspaceId workspace, String experimentId);
}
