package dev.sextant.analytics.training;

/**
 * The headline figures of a run: the best validation loss with its epoch and step, the final
 * training and validation losses (the last logged values, which may be NaN), and the
 * {@link RunQualityStatus}. Best figures are NaN / -1 when no finite validation loss was logged.
 */
public record RunSummary(double bestValidationLoss, double bestEpoch, long bestStep, double finalTrainingLoss,
        double finalValidationLoss, RunQualityStatus status) {}
