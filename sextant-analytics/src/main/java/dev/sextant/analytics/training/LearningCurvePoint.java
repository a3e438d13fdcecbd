package dev.sextant.analytics.training;

/** One observed loss value at a training step (step 0 = before the first update). */
public record LearningCurvePoint(long step, double value) {
}
