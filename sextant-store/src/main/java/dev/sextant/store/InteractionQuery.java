package dev.sextant.store;

import dev.sextant.model.Status;
import java.time.Instant;

/**
 * Which interactions (traces) a read is about. Every field is optional; a null field does not
 * filter. {@code from} is inclusive and {@code to} exclusive, on the trace's start time.
 * {@code model} matches traces with at least one span of that model.
 */
public record InteractionQuery(
        Instant from,
        Instant to,
        String agentId,
        String conversationId,
        String sessionId,
        String userId,
        String model,
        Double minConfidence,
        Double maxConfidence,
        Boolean handoff,
        Status status,
        String messageType,
        String tag) {

    public static final InteractionQuery ALL =
            new InteractionQuery(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public InteractionQuery {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
        }
        checkConfidence("min_confidence", minConfidence);
        checkConfidence("max_confidence", maxConfidence);
        if (minConfidence != null && maxConfidence != null && minConfidence > maxConfidence) {
            throw new IllegalArgumentException("min_confidence (" + minConfidence
                    + ") must not be greater than max_confidence (" + maxConfidence + ")");
        }
    }

    private static void checkConfidence(String name, Double value) {
        if (value != null && (value.isNaN() || value < 0 || value > 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a query one filter at a time; {@link #build()} validates. */
    public static final class Builder {
        private Instant from;
        private Instant to;
        private String agentId;
        private String conversationId;
        private String sessionId;
        private String userId;
        private String model;
        private Double minConfidence;
        private Double maxConfidence;
        private Boolean handoff;
        private Status status;
        private String messageType;
        private String tag;

        public Builder from(Instant v) { from = v; return this; }
        public Builder to(Instant v) { to = v; return this; }
        public Builder agentId(String v) { agentId = v; return this; }
        public Builder conversationId(String v) { conversationId = v; return this; }
        public Builder sessionId(String v) { sessionId = v; return this; }
        public Builder userId(String v) { userId = v; return this; }
        public Builder model(String v) { model = v; return this; }
        public Builder minConfidence(Double v) { minConfidence = v; return this; }
        public Builder maxConfidence(Double v) { maxConfidence = v; return this; }
        public Builder handoff(Boolean v) { handoff = v; return this; }
        public Builder status(Status v) { status = v; return this; }
        public Builder messageType(String v) { messageType = v; return this; }
        public Builder tag(String v) { tag = v; return this; }

        public InteractionQuery build() {
            return new InteractionQuery(from, to, agentId, conversationId, sessionId, userId, model,
                    minConfidence, maxConfidence, handoff, status, messageType, tag);
        }
    }
}
