package dev.sextant.store;

import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.Objects;

/**
 * What one workspace sent, ready to store. Ids are unique within each list (the ingest path
 * merges repeats before it hands a batch over); an id already stored is updated, never doubled.
 */
public record WorkspaceBatch(
        WorkspaceId workspace, List<Trace> traces, List<Span> spans, List<Score> scores, List<Session> sessions) {

    public WorkspaceBatch {
        Objects.requireNonNull(workspace, "workspace");
        traces = List.copyOf(traces);
        spans = List.copyOf(spans);
        scores = List.copyOf(scores);
        sessions = List.copyOf(sessions);
    }

    public int size() {
        return traces.size() + spans.size() + scores.size() + sessions.size();
    }
}
