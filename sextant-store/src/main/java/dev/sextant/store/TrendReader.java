package dev.sextant.store;

import dev.sextant.model.WorkspaceId;

/** Time-bucketed metrics over interactions: the data behind the trends analytics. */
public interface TrendReader {

    /**
     * One series per group (or one series with a null key when not grouped); every series has
     * every bucket from {@code query.filter().from()} to {@code to()}, empty ones with zero samples.
     */
    TrendResult trends(WorkspaceId workspace, TrendQuery query);
}
