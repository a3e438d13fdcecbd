package dev.sextant.ingest.training;

import java.time.Instant;
import java.util.Objects;

/**
 * One metric value read from a training log.
 *
 * @param step the optimizer step (non-negative)
 * @param epoch the (possibly fractional) epoch, or null when the file does not say
 * @param name the canonical metric name ({@code train_loss}, {@code val_loss}, ...; see the README)
 * @param value the value; NaN and ±Infinity are kept, they are what the run logged
 * @param timestamp when it was logged, or null when the file does not say
 */
public record ImportedPoint(long step, Double epoch, String name, double value, Instant timestamp) {

    public ImportedPoint {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative, was " + step);
        }
        Objects.requireNonNull(name, "name");
    }
}
