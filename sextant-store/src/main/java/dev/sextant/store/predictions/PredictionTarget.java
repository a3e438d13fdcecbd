package dev.sextant.store.predictions;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a prediction model predicts (issue 8 item 2). Every outcome is known only after the call;
 * the features of a training row are what was known before it.
 */
public enum PredictionTarget {
    /** A trace succeeds unless its status is error (the platform's success everywhere else). */
    INTERACTION_SUCCESS("interaction_success", true),
    /** The trace's handoff was triggered. */
    HANDOFF("handoff", true),
    /** A code_generation span's newest {@code accepted} score is 1 (0 is a rejection). */
    CODE_ACCEPTED("code_accepted", true),
    /** The trace's newest {@code user_rating} score. */
    RATING("rating", false),
    /** The trace's duration in milliseconds (models fit its logarithm). */
    TASK_DURATION("task_duration", false),
    /** A tool span ends with status error. */
    TOOL_FAILURE("tool_failure", true);

    private final String wire;
    private final boolean binary;

    PredictionTarget(String wire, boolean binary) {
        this.wire = wire;
        this.binary = binary;
    }

    public String wire() {
        return wire;
    }

    /** True for a yes/no outcome (a probability is predicted), false for a number (a value is predicted). */
    public boolean binary() {
        return binary;
    }

    public static Optional<PredictionTarget> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
