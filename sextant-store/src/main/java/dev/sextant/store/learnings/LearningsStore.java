package dev.sextant.store.learnings;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Learnings and their applications (issue 8 item 3). An application is a row written through the
 * API, or a {@code learning} span whose {@code learning_id} attribute names the learning and whose
 * {@code applied} attribute is true; a trace counts once per learning (the API row wins over spans).
 * An application's outcome is the declared one (for a span its {@code outcome} attribute), else its
 * trace's (success unless the status is error), else pending while the trace is not stored.
 */
public interface LearningsStore {

    /** Stores a new learning; false, and nothing changed, when this workspace already has the id. */
    boolean create(WorkspaceId workspace, Learning learning);

    Optional<Learning> find(WorkspaceId workspace, String id);

    /** Newest first (then by id), of one agent and one status when given (null: any). */
    List<Learning> list(WorkspaceId workspace, String agentId, LearningStatus status, int offset, int limit);

    /** Changes the statement and/or status (null: keep) and stamps {@code at}; empty when there is no such learning. */
    Optional<Learning> update(WorkspaceId workspace, String id, String statement, LearningStatus status, Instant at);

    /** Records an application through the API; applying the same learning to the same trace again replaces it. */
    void apply(WorkspaceId workspace, String learningId, String traceId, Instant appliedAt, ApplicationOutcome declared);

    /** One page of the learning's applications, newest first (then by trace id). */
    List<LearningApplication> applications(WorkspaceId workspace, String learningId, int offset, int limit);

    long applicationCount(WorkspaceId workspace, String learningId);

    /** The learning's application in this trace, as {@link #applications} reads it; empty when there is none. */
    Optional<LearningApplication> application(WorkspaceId workspace, String learningId, String traceId);

    /** The learning's applications per UTC day of application, oldest first, days without any left out. */
    List<OutcomeTally> tally(WorkspaceId workspace, String learningId);

    /**
     * The baseline: the traces of {@code agentId} (null: of the whole workspace) started from
     * {@code from} (inclusive) to {@code to} (exclusive) to which the learning was not applied, and
     * how many of them succeeded. The window bounds the scan: a caller passes a bounded one.
     */
    Baseline baseline(WorkspaceId workspace, String learningId, String agentId, Instant from, Instant to);

    /**
     * Per task type, the tools and models the selected traces used, with their success. A trace's task
     * type is its {@code task_type} metadata value, else the name of its most confident intent;
     * traces with neither are left out. {@code taskType} (null: all) keeps one.
     */
    List<TaskUsage> taskUsage(WorkspaceId workspace, InteractionQuery filter, String taskType);

    record Baseline(long traces, long successes) {
        public Baseline {
            if (traces < 0 || successes < 0 || successes > traces) {
                throw new IllegalArgumentException("need 0 <= successes <= traces, was " + successes + "/" + traces);
            }
        }
    }
}
