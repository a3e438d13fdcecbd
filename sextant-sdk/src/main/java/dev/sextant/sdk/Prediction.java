package dev.sextant.sdk;

import java.util.OptionalDouble;

/**
 * The server's prediction for one target, asked before a call ({@link Sextant#predict}):
 * {@code probability} for a yes/no target ({@code interaction_success}, {@code handoff},
 * {@code code_accepted}, {@code tool_failure}), {@code value} for a number ({@code rating}, or
 * {@code task_duration} in milliseconds), from model {@code modelVersion}. When the workspace's
 * model is not offered (no better than a baseline, too little data, not trained yet)
 * {@code offered} is false, there is no number, and {@code reason} says why.
 */
public record Prediction(String target, boolean offered, Double probability, Double value, Integer modelVersion,
        String reason) {

    /** The probability or the value, whichever the target has; empty when not offered. */
    public OptionalDouble estimate() {
        Double v = probability != null ? probability : value;
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
