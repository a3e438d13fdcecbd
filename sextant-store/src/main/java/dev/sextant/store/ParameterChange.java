package dev.sextant.store;

import java.util.Objects;

/**
 * One changed parameter: its flattened path ({@code behaviour.temperature}), the old and new
 * values as JSON texts (null when the parameter was absent), and the impact of the change.
 */
public record ParameterChange(String parameter, String oldValue, String newValue, ImpactLevel impact) {
    public ParameterChange {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(impact, "impact");
    }
}
