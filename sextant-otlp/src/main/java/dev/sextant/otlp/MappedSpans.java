package dev.sextant.otlp;

import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import java.util.List;

/**
 * What one export request maps to: the spans that were good, a trace record for each root span,
 * and the refused spans' count with a message naming the first few and why.
 */
record MappedSpans(List<Trace> traces, List<Span> spans, int rejectedSpans, String errorMessage) {
    MappedSpans {
        traces = List.copyOf(traces);
        spans = List.copyOf(spans);
    }
}
