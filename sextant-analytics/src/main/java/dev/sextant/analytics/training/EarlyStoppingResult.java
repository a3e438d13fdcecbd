package dev.sextant.analytics.training;

/**
 * The best evaluation (-1 if none finite) and its loss; the evaluation at which patience ran out
 * (-1 if never); whether the run ended there; whether it went on past it, and by how many
 * evaluations.
 */
public record EarlyStoppingResult(int bestIndex, double bestLoss, int stopIndex, boolean stoppedEarly,
        boolean shouldHaveStopped, int evaluationsAfterStop) {}
