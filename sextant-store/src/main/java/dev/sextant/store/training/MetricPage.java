package dev.sextant.store.training;

import java.util.List;

/** One page of exact points; {@code nextCursor} is null on the last page. */
public record MetricPage(List<MetricSample> points, String nextCursor) {
    public MetricPage {
        points = List.copyOf(points);
    }
}
