package dev.sextant.ingest;

import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.context.ContextItems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Collects the records of one workspace, merging repeats of an id in arrival order (the later
 * copy wins field by field), so a {@link WorkspaceBatch} never holds one id twice.
 */
final class BatchMerger {
    private final WorkspaceId workspace;
    private final Map<String, Trace> traces = new LinkedHashMap<>();
    private final Map<String, Span> spans = new LinkedHashMap<>();
    private final Map<String, Score> scores = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    /** The context sent with a trace or session: a later copy replaces it whole. */
    private final Map<List<Object>, ContextItems> contexts = new LinkedHashMap<>();

    BatchMerger(WorkspaceId workspace) {
        this.workspace = workspace;
    }

    void add(Trace trace) {
        traces.merge(trace.id(), trace, Trace::mergedWith);
    }

    void add(Span span) {
        spans.merge(span.id(), span, Span::mergedWith);
    }

    void add(Score score) {
        scores.merge(score.id(), score, Score::mergedWith);
    }

    void add(Session session) {
        sessions.merge(session.id(), session, Session::mergedWith);
    }

    void add(ContextItems context) {
        contexts.put(List.of(context.owner(), context.ownerId()), context);
    }

    void addAll(WorkspaceBatch batch) {
        batch.traces().forEach(this::add);
        batch.spans().forEach(this::add);
        batch.scores().forEach(this::add);
        batch.sessions().forEach(this::add);
        batch.contexts().forEach(this::add);
    }

    /** The merged batch; {@code spanPricing} runs once per merged span (cost accounting). */
    WorkspaceBatch toBatch(UnaryOperator<Span> spanPricing) {
        List<Span> priced = new ArrayList<>(spans.size());
        for (Span span : spans.values()) {
            priced.add(spanPricing.apply(span));
        }
        return new WorkspaceBatch(workspace, new ArrayList<>(traces.values()), priced,
                new ArrayList<>(scores.values()), new ArrayList<>(sessions.values()), new ArrayList<>(contexts.values()));
    }
}
