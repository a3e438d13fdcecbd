package dev.sextant.store;

import java.util.Locale;

/**
 * A kind of data a workspace keeps for a limited time.
 */
public enum RetentionKind {
    /** Interactions with their spans and scores, by the trace's start. */
    TRACES,
    /** Only the input and output texts of traces and spans; the numbers stay. */
    PAYLOADS,
    /** Feedback and evaluation scores, by their creation time. */
    SCORES,
    /** The metric points of training runs, by the time each point was logged; the runs stay. */
    TRAINING_METRICS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RetentionKind fromWire(String value) {
        for (RetentionKind k : values()) {
            if (k.wire().equals(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind must be one of traces, payloads, scores, training_metrics, was '" + value + "'");
    }
}
