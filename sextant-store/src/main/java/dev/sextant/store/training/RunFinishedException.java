package dev.sextant.store.training;

import dev.sextant.store.ConflictException;

/** A write that only a running run takes was sent to a finished one. */
public class RunFinishedException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final TrainingRunStatus status;

    /** {@code rule} says what only a running run takes, e.g. "metrics are logged only to a running run". */
    public RunFinishedException(String runId, TrainingRunStatus status, String rule) {
        super("training run '" + runId + "' is " + status.wire() + "; " + rule);
        this.status = status;
    }

    public TrainingRunStatus status() {
        return status;
    }
}
