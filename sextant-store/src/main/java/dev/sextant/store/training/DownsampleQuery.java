package dev.sextant.store.training;

import java.util.List;

/**
 * A run's metrics in {@code buckets} equal step ranges (1 to {@link #MAX_BUCKETS}) over the steps
 * the chosen {@code names} (empty: all) have in [{@code fromStep}, {@code toStep}] (null: open).
 * The bucket width is {@code floor((maxStep - minStep) / buckets) + 1} steps, the same for every
 * name, so the series line up; bucket {@code i} starts at {@code minStep + i * width}.
 */
public record DownsampleQuery(List<String> names, Long fromStep, Long toStep, int buckets) {
    public static final int MAX_BUCKETS = 10_000;

    public DownsampleQuery {
        names = names == null ? List.of() : List.copyOf(names);
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("buckets must be between 1 and " + MAX_BUCKETS + ", was " + buckets);
        }
    }
}
