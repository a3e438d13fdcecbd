package dev.sextant.store;

/**
 * What a read of experiment outcomes saw besides its rows: how many rows (variant, unit) it handed
 * over, and the traces of the experiment it could not attribute: no unit id
 * ({@code units_without_id}) or no variant id.
 */
public record ExperimentOutcomeTotals(long rows, long tracesWithoutUnit, long tracesWithoutVariant) {
}
