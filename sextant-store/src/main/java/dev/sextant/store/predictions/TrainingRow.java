package dev.sextant.store.predictions;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One labelled example: the record's id, when its trace started (rows are split by time), the
 * categorical features known before the call ({@code agent_id}, {@code trace_name},
 * {@code message_type}, {@code intent}, {@code config_version}, {@code model}, {@code tool_name};
 * absent when unknown), the numeric ones ({@code input_length} in characters) and the outcome
 * (1 or 0 for a yes/no target).
 */
public record TrainingRow(String id, Instant at, Map<String, String> categories, Map<String, Double> numbers,
        double label) {
    public TrainingRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        categories = Map.copyOf(categories);
        numbers = Map.copyOf(numbers);
        if (!Double.isFinite(label)) {
            throw new IllegalArgumentException("row " + id + ": the label must be finite, was " + label);
        }
    }
}
