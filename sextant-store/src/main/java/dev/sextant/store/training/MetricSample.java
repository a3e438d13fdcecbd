package dev.sextant.store.training;

import java.time.Instant;
import java.util.Objects;

/**
 * One logged value of one metric at one step. {@code value} may be NaN or infinite (a diverging
 * loss is data, not an error); {@code epoch} and {@code timestamp} are optional. The same name may
 * be logged at the same step more than once (MLflow allows it); reads keep the logging order.
 */
public record MetricSample(long step, Double epoch, String name, double value, Instant timestamp) {
    public MetricSample {
        Objects.requireNonNull(name, "name");
        if (step < 0) {
            throw new IllegalArgumentException("step must be 0 or more, was " + step);
        }
    }
}
