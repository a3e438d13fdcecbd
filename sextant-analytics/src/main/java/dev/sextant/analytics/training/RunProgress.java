package dev.sextant.analytics.training;

import java.time.Instant;

/**
 * A run's progress: {@code lastStep} of {@code totalSteps} ({@code fractionDone} in [0, 1]), the
 * step rate, the time left and the ETA (null with {@code etaReason} saying why when there is no
 * usable rate, see {@link RunProgressEstimator}), and the learning curve's predicted loss at the
 * final step.
 */
public record RunProgress(long lastStep, long totalSteps, double fractionDone, Double stepsPerSecond,
        Double remainingSeconds, Instant eta, String etaReason, LearningCurve curve) {
}
