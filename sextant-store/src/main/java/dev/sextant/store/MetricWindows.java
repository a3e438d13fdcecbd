package dev.sextant.store;

import dev.sextant.store.TrendQuery.Metric;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A metric (as the trends compute it) over the interactions {@code filter} selects, once per
 * window. The filter's own {@code from}/{@code to} must be null: the windows bound the time.
 */
public record MetricWindows(Metric metric, InteractionQuery filter, List<TimeWindow> windows) {

    /** One read covers at most this many windows. */
    public static final int MAX_WINDOWS = 500;

    public MetricWindows {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(filter, "filter");
        windows = List.copyOf(windows);
        if (filter.from() != null || filter.to() != null) {
            throw new IllegalArgumentException("the windows bound the time; the filter must not have from or to");
        }
        if (windows.isEmpty() || windows.size() > MAX_WINDOWS) {
            throw new IllegalArgumentException("between 1 and " + MAX_WINDOWS + " windows, was " + windows.size());
        }
    }

    /** {@code [from, to)} on the interaction's start time. */
    public record TimeWindow(Instant from, Instant to) {
        public TimeWindow {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("window end " + to + " must be after its start " + from);
            }
        }
    }
}
