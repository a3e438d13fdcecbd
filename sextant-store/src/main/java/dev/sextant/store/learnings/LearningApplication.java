package dev.sextant.store.learnings;

import java.time.Instant;
import java.util.Objects;

/**
 * One application of a learning to a trace, as read: where it was recorded ({@code api} or a
 * {@code span}), the outcome the client declared (null: none) and the outcome that counts
 * ({@code outcome}: the declared one, else the trace's, else pending).
 */
public record LearningApplication(String learningId, String traceId, Instant appliedAt, Source source,
        ApplicationOutcome declared, ApplicationOutcome outcome) {

    public enum Source {
        API, SPAN;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public LearningApplication {
        Objects.requireNonNull(learningId, "learningId");
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outcome, "outcome");
        if (declared == ApplicationOutcome.PENDING) {
            throw new IllegalArgumentException("a declared outcome is success or failure, not pending");
        }
    }
}
