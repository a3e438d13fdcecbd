package dev.sextant.store;

import java.util.List;

/**
 * A page of traces, newest first (start time, then id). {@code nextCursor} is null on the last
 * page.
 */
public record InteractionPage(List<TraceSummary> items, int page, int pageSize, String nextCursor) {}
