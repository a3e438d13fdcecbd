package dev.sextant.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Which outcomes of an experiment to read: traces stamped with {@code experimentId} whose start is
 * in [{@code from}, {@code to}), one row per (variant, unit) where the unit is the trace's
 * {@code unit} field, and each unit's pre-period from its traces in [{@code preFrom}, {@code from})
 * whatever experiment they belong to. {@code preFrom} equal to {@code from} reads no pre-period.
 */
public record ExperimentOutcomeQuery(String experimentId, ExperimentUnitKind unit, Instant from, Instant to,
        Instant preFrom) {

    public ExperimentOutcomeQuery {
        Objects.requireNonNull(unit, "unit");
        if (experimentId == null || experimentId.isBlank()) {
            throw new IllegalArgumentException("experiment_id must not be blank");
        }
        if (from == null || to == null || preFrom == null) {
            throw new IllegalArgumentException("from, to and pre_from are all required");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, was " + from + " and " + to);
        }
        if (preFrom.isAfter(from)) {
            throw new IllegalArgumentException("pre_from must not be after from, was " + preFrom + " and " + from);
        }
    }
}
