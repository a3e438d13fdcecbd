package dev.sextant.analytics.training;

import java.time.Instant;

/**
 * One logged metric point of a run: the step, the loss at that step (validation loss where the run
 * logs it, else training loss; NaN when this point has none) and when it was logged.
 */
public record RunProgressSample(long step, double loss, Instant at) {
}
