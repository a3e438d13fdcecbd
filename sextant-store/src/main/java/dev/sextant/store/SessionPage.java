package dev.sextant.store;

import java.util.List;

/** A page of sessions, newest first. {@code nextCursor} is null on the last page. */
public record SessionPage(List<SessionSummary> items, int page, int pageSize, String nextCursor) {}
