package dev.sextant.store;

import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.context.ContextItems;
import java.util.List;
import java.util.Objects;

/**
 * What one workspace sent, ready to store. Ids are unique within each list (the ingest path
 * merges repeats before it hands a batch over); an id already stored is updated, never doubled.
 * {@code contexts}: the typed context items sent with traces and sessions of this batch, each
 * replacing what its record had (at most one entry per record).
 */
public record WorkspaceBatch(
        WorkspaceId workspace, List<Trace> traces, List<Span> spans, List<Score> scores, List<Session> sessions,
        List<ContextItems> contexts) {

    /** A batch without context items. */
    public WorkspaceBatch(
            WorkspaceId workspace, List<Trace> traces, List<Span> spans, List<Score> scores, List<Session> sessions) {
        this(workspace, traces, spans, scores, sessions, List.of());
    }

    public WorkspaceBatch {
        Objects.requireNonNull(workspace, "workspace");
        traces = List.copyOf(traces);
        spans = List.copyOf(spans);
        scores = List.copyOf(scores);
        sessions = List.copyOf(sessions);
        contexts = List.copyOf(contexts);
    }

    public int size() {
        return traces.size() + spans.size() + scores.size() + sessions.size();
    }
}
