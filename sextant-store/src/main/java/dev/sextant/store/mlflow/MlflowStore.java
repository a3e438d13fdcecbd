package dev.sextant.store.mlflow;

import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workspace's MLflow experiments and the experiment of each run logged through MLflow. Another
 * workspace's experiment or run link is not found, exactly like a missing one.
 */
public interface MlflowStore {
    /** The id and name of the experiment every workspace has (made on first use). */
    long DEFAULT_EXPERIMENT_ID = 0;
    String DEFAULT_EXPERIMENT_NAME = "Default";
    /** The most experiments {@link #experiments} lists, the most links {@link #runs} answers. */
    int MAX_LIST = 50_000;

    /**
     * Stores a new active experiment with the next free id of the workspace (from 1).
     * {@code artifactLocation} null: {@code mlflow-artifacts:/<id>}.
     *
     * @throws dev.sextant.store.ConflictException when the workspace has an experiment of this name
     */
    MlflowExperiment createExperiment(WorkspaceId workspace, String name, String artifactLocation,
            Map<String, String> tags);

    /** The workspace's experiment 0, "Default", made now if it was not there yet. */
    MlflowExperiment defaultExperiment(WorkspaceId workspace);

    Optional<MlflowExperiment> experiment(WorkspaceId workspace, long experimentId);

    Optional<MlflowExperiment> experimentNamed(WorkspaceId workspace, String name);

    /** The workspace's experiments by id, at most {@code limit} (1 to {@link #MAX_LIST}). */
    List<MlflowExperiment> experiments(WorkspaceId workspace, int limit);

    /**
     * Links a training run of the workspace to an experiment, as active.
     *
     * @throws dev.sextant.store.ConflictException when the run is linked already
     */
    MlflowRunLink linkRun(WorkspaceId workspace, String runId, long experimentId, String userId);

    Optional<MlflowRunLink> run(WorkspaceId workspace, String runId);

    /** The runs linked to these experiments, newest first (then by id), at most {@code limit} (1 to {@link #MAX_LIST}). */
    List<MlflowRunLink> runs(WorkspaceId workspace, List<Long> experimentIds, int limit);
}
