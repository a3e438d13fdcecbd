package dev.sextant.store;

import dev.sextant.model.Trace;

public record TraceSummary(Trace trace, TraceRollup rollup) {}
