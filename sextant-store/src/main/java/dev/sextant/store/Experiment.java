package dev.sextant.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored experiment: its id, what it says, where it is in its life, and when it changed. The
 * {@code winner}, {@code conclusion} and {@code concludedAt} are set when the results side
 * concludes it; null before.
 */
public record Experiment(String id, ExperimentSpec spec, ExperimentStatus status, String winner, String conclusion,
        Instant createdAt, Instant updatedAt, Instant startedAt, Instant stoppedAt, Instant concludedAt) {
    public Experiment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
    }
}
