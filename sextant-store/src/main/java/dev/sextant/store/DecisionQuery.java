package dev.sextant.store;

import java.util.Objects;

/**
 * A decisions read: the decision spans of the traces {@code filter} selects. A decision is of low
 * confidence when its confidence is below {@code lowConfidenceThreshold}; the {@code examples}
 * most recent of those are listed per decision point.
 */
public record DecisionQuery(InteractionQuery filter, double lowConfidenceThreshold, int examples) {
    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final int DEFAULT_EXAMPLES = 5;
    public static final int MAX_EXAMPLES = 100;

    public DecisionQuery {
        Objects.requireNonNull(filter, "filter");
        if (Double.isNaN(lowConfidenceThreshold) || lowConfidenceThreshold < 0 || lowConfidenceThreshold > 1) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, was " + lowConfidenceThreshold);
        }
        if (examples < 0 || examples > MAX_EXAMPLES) {
            throw new IllegalArgumentException("examples must be between 0 and " + MAX_EXAMPLES + ", was " + examples);
        }
    }
}
