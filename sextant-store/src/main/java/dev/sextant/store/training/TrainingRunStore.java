package dev.sextant.store.training;

import dev.sextant.model.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workspace's training runs and their metric points. Another workspace's run is not found,
 * exactly like a missing one: reads answer empty, writes answer empty or false.
 *
 * <p>Made to carry an MLflow tracking layer too: an MLflow run maps to a run (its tags to
 * {@link #setTags}, its params to {@link #setParam}, log-metric / log-batch to {@link #append},
 * set-terminated to {@link #finish}).
 */
public interface TrainingRunStore {

    /**
     * Stores a new running run with this id (null: a generated {@code run_...} id), started at
     * {@code startedAt} (null: now).
     *
     * @throws dev.sextant.store.ConflictException when the workspace already has a run with this id
     */
    TrainingRun create(WorkspaceId workspace, String runId, NewTrainingRun run, Instant startedAt);

    Optional<TrainingRun> find(WorkspaceId workspace, String runId);

    /** Runs the query selects, newest first. */
    TrainingRunPage list(WorkspaceId workspace, TrainingRunQuery query);

    /**
     * Appends metric points to a running run in one transaction (all or none), in bulk (DuckDB's
     * appender, batched inserts on PostgreSQL). Empty when there is no such run.
     *
     * @throws RunFinishedException when the run is finished
     */
    Optional<AppendResult> append(WorkspaceId workspace, String runId, List<MetricSample> points);

    /** Exact points, ordered by step then logging order, one page at a time. */
    MetricPage points(WorkspaceId workspace, String runId, MetricQuery query);

    /** The run's metrics in step buckets (min, max, mean, last each), computed by the database; by name, then bucket. */
    List<MetricSeries> downsampled(WorkspaceId workspace, String runId, DownsampleQuery query);

    /** Replaces the resource totals (finished runs too: totals may arrive late); empty when there is no such run. */
    Optional<TrainingRun> setResources(WorkspaceId workspace, String runId, RunResources resources);

    /**
     * Ends a running run as completed, failed or stopped, with the error (null when none) at
     * {@code endedAt}. Empty when there is no such run.
     *
     * @throws RunFinishedException when the run was finished already
     */
    Optional<TrainingRun> finish(WorkspaceId workspace, String runId, TrainingRunStatus status, RunError error,
            Instant endedAt);

    /** Sets these tags (a key already set gets the new value; others stay); empty when there is no such run. */
    Optional<TrainingRun> setTags(WorkspaceId workspace, String runId, Map<String, String> tags);

    /**
     * Sets one hyperparameter. Setting a key again with the same value (compared as text: 0.1
     * and "0.1" are the same) changes nothing; with a different value it is a conflict (MLflow's
     * log-param semantics). Empty when there is no such run.
     *
     * @throws dev.sextant.store.ConflictException when the key holds a different value
     */
    Optional<TrainingRun> setParam(WorkspaceId workspace, String runId, String key, Object value);

    /** Renames the run (null: no name), finished or not (MLflow renames any run); empty when there is no such run. */
    Optional<TrainingRun> rename(WorkspaceId workspace, String runId, String name);

    /** Removes one tag (no change when the run has no such tag); empty when there is no such run. */
    Optional<TrainingRun> removeTag(WorkspaceId workspace, String runId, String key);
}
