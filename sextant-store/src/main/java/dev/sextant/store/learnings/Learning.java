package dev.sextant.store.learnings;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored learning: what it says ({@code statement}), the pattern it stands for (JSON text as
 * given), the evidence behind it and the confidence it started with (null: none stated), for one
 * agent or (agent null) the whole workspace.
 */
public record Learning(String id, String agentId, String statement, String pattern, LearningEvidence evidence,
        Double initialConfidence, LearningStatus status, Instant createdAt, String createdBy, Instant updatedAt) {

    public Learning {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (initialConfidence != null && !(initialConfidence >= 0 && initialConfidence <= 1)) {
            throw new IllegalArgumentException("initial confidence must be between 0 and 1, was " + initialConfidence);
        }
    }
}
