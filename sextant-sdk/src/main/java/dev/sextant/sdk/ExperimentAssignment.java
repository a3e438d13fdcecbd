package dev.sextant.sdk;

/**
 * A unit's variant of an experiment, as {@link Experiment#variant} computed it. Never null; the
 * rule when the experiment is not running or not known:
 * <ul>
 * <li>running: the variant the documented hash gives, {@code inExperiment} true;</li>
 * <li>stopped or concluded with a winner: the winner for every unit, {@code inExperiment} false;</li>
 * <li>a draft, or stopped without a winner: the control, {@code inExperiment} false;</li>
 * <li>no definition (server unreachable, key refused, no such experiment, bad unit id):
 * {@code variantId} and {@code configurationVersion} null, {@code inExperiment} false and
 * {@code error} saying why: run your default configuration.</li>
 * </ul>
 * {@code bucket} is the unit's bucket 0..99, or -1 when none was computed.
 */
public record ExperimentAssignment(String experimentId, String unitId, String variantId, String configurationVersion,
        boolean control, boolean inExperiment, int bucket, String error) {

    static ExperimentAssignment notInExperiment(String experimentId, String unitId, String error) {
        return new ExperimentAssignment(experimentId, unitId, null, null, false, false, -1, error);
    }
}
