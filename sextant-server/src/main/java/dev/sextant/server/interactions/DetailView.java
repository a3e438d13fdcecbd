package dev.sextant.server.interactions;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.sextant.model.Score;
import dev.sextant.store.TraceDetail;
import java.util.List;

/** One interaction with its input and output, every span (flat, by start) and its scores. */
record DetailView(@JsonUnwrapped TraceView trace, String input, String output, List<SpanView> spans, List<Score> scores) {

    static DetailView of(TraceDetail detail) {
        return new DetailView(TraceView.of(detail.summary()), detail.summary().trace().input(),
                detail.summary().trace().output(), SpanView.of(detail.spans()), detail.scores());
    }
}
