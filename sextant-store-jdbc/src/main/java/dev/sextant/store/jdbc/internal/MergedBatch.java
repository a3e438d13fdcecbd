package dev.sextant.store.jdbc.internal;

import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.store.WorkspaceBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All batches of one write call as stage rows, with ids repeated across batches merged first
 * (later copies win where present): one set-based upsert must not meet the same row twice,
 * which both databases reject.
 */
final class MergedBatch {
    record Key(String workspace, String id) {}

    final Map<Key, Trace> traces = new LinkedHashMap<>();
    final Map<Key, Span> spans = new LinkedHashMap<>();
    final Map<Key, Score> scores = new LinkedHashMap<>();
    final Map<Key, Session> sessions = new LinkedHashMap<>();
    /** The context items sent with the records, written in the same transaction. */
    final ContextRows contexts;

    MergedBatch(List<WorkspaceBatch> batches) {
        contexts = new ContextRows(batches);
        for (WorkspaceBatch batch : batches) {
            String ws = batch.workspace().value();
            batch.traces().forEach(t -> traces.merge(new Key(ws, t.id()), t, Trace::mergedWith));
            batch.spans().forEach(s -> spans.merge(new Key(ws, s.id()), s, Span::mergedWith));
            batch.scores().forEach(s -> scores.merge(new Key(ws, s.id()), s, Score::mergedWith));
            batch.sessions().forEach(s -> sessions.merge(new Key(ws, s.id()), s, Session::mergedWith));
        }
    }

    boolean isEmpty() {
        return traces.isEmpty() && spans.isEmpty() && scores.isEmpty() && sessions.isEmpty();
    }

    int size() {
        return traces.size() + spans.size() + scores.size() + sessions.size();
    }

    List<Object[]> traceRows() {
        List<Object[]> rows = new ArrayList<>(traces.size());
        traces.forEach((k, t) -> rows.add(TrackingRows.trace(k.workspace(), t)));
        return rows;
    }

    List<Object[]> spanRows() {
        List<Object[]> rows = new ArrayList<>(spans.size());
        spans.forEach((k, s) -> rows.add(TrackingRows.span(k.workspace(), s)));
        return rows;
    }

    List<Object[]> scoreRows() {
        List<Object[]> rows = new ArrayList<>(scores.size());
        scores.forEach((k, s) -> rows.add(TrackingRows.score(k.workspace(), s)));
        return rows;
    }

    List<Object[]> sessionRows() {
        List<Object[]> rows = new ArrayList<>(sessions.size());
        sessions.forEach((k, s) -> rows.add(TrackingRows.session(k.workspace(), s)));
        return rows;
    }

    /** Every trace this write may have changed the roll-ups of (spans without a trace id aside). */
    List<Object[]> touchedTraceRows() {
        Set<Key> touched = new LinkedHashSet<>(traces.keySet());
        spans.forEach((k, s) -> {
            if (s.traceId() != null) {
                touched.add(new Key(k.workspace(), s.traceId()));
            }
        });
        List<Object[]> rows = new ArrayList<>(touched.size());
        touched.forEach(k -> rows.add(new Object[] {k.workspace(), k.id()}));
        return rows;
    }
}
