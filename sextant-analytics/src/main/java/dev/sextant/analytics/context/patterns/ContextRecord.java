package dev.sextant.analytics.context.patterns;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The context of one interaction before it becomes items: typed values, numbers, and its outcome. */
public record ContextRecord(Map<String, List<String>> values, Map<String, Double> numbers, boolean success) {
    public ContextRecord {
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
        numbers = Map.copyOf(Objects.requireNonNull(numbers, "numbers"));
    }
}
