package dev.sextant.server.interactions;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.sextant.model.Score;
import dev.sextant.store.TraceDetail;
import dev.sextant.store.context.ContextItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One interaction with its input and output, every span (flat, by start), its scores and its
 * typed context (its own items and its session's, type → a number, a string, or an array of
 * strings for a type with several values).
 */
record DetailView(@JsonUnwrapped TraceView trace, String input, String output, List<SpanView> spans, List<Score> scores,
        Map<String, Object> context) {

    static DetailView of(TraceDetail detail, List<ContextItem> context) {
        return new DetailView(TraceView.of(detail.summary()), detail.summary().trace().input(),
                detail.summary().trace().output(), SpanView.of(detail.spans()), detail.scores(), context(context));
    }

    static Map<String, Object> context(List<ContextItem> items) {
        Map<String, List<ContextItem>> byType = new TreeMap<>();
        items.forEach(i -> byType.computeIfAbsent(i.type(), k -> new ArrayList<>()).add(i));
        Map<String, Object> out = new LinkedHashMap<>();
        byType.forEach((type, values) -> {
            if (values.size() == 1 && values.getFirst().numeric()) {
                out.put(type, values.getFirst().number());
            } else if (values.size() == 1) {
                out.put(type, values.getFirst().text());
            } else {
                out.put(type, values.stream().map(ContextItem::text).toList());
            }
        });
        return out;
    }
}
