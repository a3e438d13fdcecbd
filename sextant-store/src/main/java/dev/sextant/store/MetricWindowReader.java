package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.util.List;

/**
 * A trend metric over arbitrary time windows (not calendar buckets): the data an alert rule is
 * evaluated on, the current window and its baseline windows in one read.
 */
public interface MetricWindowReader {

    /** One value per window of the query, in the query's order; a window without data has 0 samples. */
    List<WindowValue> values(WorkspaceId workspace, MetricWindows query);
}
