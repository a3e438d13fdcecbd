package dev.sextant.store;

import dev.sextant.model.Score;
import dev.sextant.model.Span;
import java.util.List;

/** A trace with all its spans (ordered by start time, then id) and its scores. */
public record TraceDetail(TraceSummary summary, List<Span> spans, List<Score> scores) {}
