package dev.sextant.store;

import dev.sextant.model.Span;
import java.util.List;

/**
 * A session with its traces and its steps (tool calls and code generations), each oldest first
 * and capped; {@code tracesTruncated} / {@code stepsTruncated} say when there were more than the
 * cap (the totals always count all of them).
 */
public record SessionDetail(SessionSummary summary, List<TraceSummary> traces, boolean tracesTruncated,
        List<Span> steps, boolean stepsTruncated) {}
