package dev.sextant.store.context;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One interaction with its effective context and its outcome: what pattern mining, predictions
 * and the learning export consume. The context is the trace's own items plus its session's
 * (a type the trace sent itself wins over the session's). {@code values}: categorical types →
 * their values, sorted (booleans as {@code "true"}/{@code "false"}); {@code numbers}: numeric
 * types (a scalar number) → the value. A trace without context has two empty maps.
 */
public record ContextObservation(String traceId, String agentId, Instant startedAt,
        Map<String, List<String>> values, Map<String, Double> numbers, Outcome outcome) {
    public ContextObservation {
        values = Map.copyOf(values);
        numbers = Map.copyOf(numbers);
    }
}
