package dev.sextant.store;

/**
 * What a read of experiment outcomes saw besides its rows: how many rows (variant, unit) it handed
 * over, the traces of the experiment it could not attribute: no unit id ({@code units_without_id})
 * or no variant id, and how many units appear in more than one variant (assignment or stamping is
 * broken for them: each of their rows counts in its own variant).
 */
public record ExperimentOutcomeTotals(long rows, long tracesWithoutUnit, long tracesWithoutVariant,
        long unitsInSeveralVariants) {
}
