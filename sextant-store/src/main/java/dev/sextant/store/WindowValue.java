package dev.sextant.store;

import dev.sextant.store.MetricWindows.TimeWindow;
import java.util.Objects;

/**
 * A metric over one window: {@code value} is null when the metric has no value without samples
 * (rates, means, percentiles); counts and sums are 0. {@code samples} as in {@link TrendResult.Bucket}.
 */
public record WindowValue(TimeWindow window, Double value, long samples) {
    public WindowValue {
        Objects.requireNonNull(window, "window");
        if (samples < 0) {
            throw new IllegalArgumentException("samples must not be negative, was " + samples);
        }
    }
}
