package dev.sextant.store.training;

import java.util.List;

/** One metric of a run downsampled: its buckets in step order (only buckets that hold points). */
public record MetricSeries(String name, List<MetricBucket> buckets) {
    public MetricSeries {
        buckets = List.copyOf(buckets);
    }
}
