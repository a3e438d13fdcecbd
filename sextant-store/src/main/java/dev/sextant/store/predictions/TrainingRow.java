package dev.sextant.store.predictions;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One labelled example: the record's id (a trace, or a span for span targets) and its trace's id,
 * when the trace started (rows are split by time), the categorical features known before the call
 * ({@code agent_id}, {@code trace_name}, {@code message_type}, {@code intent},
 * {@code config_version}, {@code model}, {@code tool_name}; absent when unknown), the numeric ones
 * ({@code input_length} in characters), indicator features present on the row (the trace's context
 * items, {@code context.<type>=<value>}), and the outcome (1 or 0 for a yes/no target).
 */
public record TrainingRow(String id, String traceId, Instant at, Map<String, String> categories,
        Map<String, Double> numbers, Set<String> indicators, double label) {
    public TrainingRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(at, "at");
        categories = Map.copyOf(categories);
        numbers = Map.copyOf(numbers);
        indicators = Set.copyOf(indicators);
        if (!Double.isFinite(label)) {
            throw new IllegalArgumentException("row " + id + ": the label must be finite, was " + label);
        }
    }

    /** A row of a trace target, without indicators. */
    public TrainingRow(String id, Instant at, Map<String, String> categories, Map<String, Double> numbers, double label) {
        this(id, id, at, categories, numbers, Set.of(), label);
    }

    /** This row with more indicators and numbers (its context). */
    public TrainingRow with(Set<String> moreIndicators, Map<String, Double> moreNumbers) {
        java.util.Set<String> i = new java.util.HashSet<>(indicators);
        i.addAll(moreIndicators);
        java.util.Map<String, Double> n = new java.util.HashMap<>(numbers);
        n.putAll(moreNumbers);
        return new TrainingRow(id, traceId, at, categories, n, i, label);
    }
}
