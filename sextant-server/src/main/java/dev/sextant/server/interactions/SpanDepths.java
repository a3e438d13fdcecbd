package dev.sextant.server.interactions;

import dev.sextant.model.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How deep each span sits under its trace's roots. Iterative (a 10,000-deep chain must not
 * overflow the stack); a span whose parent is not in the trace, or that sits on a parent cycle
 * a client sent, counts as a root.
 */
final class SpanDepths {

    private SpanDepths() {}

    static Map<String, Integer> of(List<Span> spans) {
        Map<String, String> parents = new HashMap<>();
        for (Span span : spans) {
            parents.put(span.id(), span.parentId());
        }
        Map<String, Integer> depths = new HashMap<>();
        for (Span span : spans) {
            List<String> path = new ArrayList<>();
            Set<String> onPath = new HashSet<>();
            String current = span.id();
            while (current != null && parents.containsKey(current) && !depths.containsKey(current) && onPath.add(current)) {
                path.add(current);
                current = parents.get(current);
            }
            int depth = current != null && depths.containsKey(current) ? depths.get(current) + 1 : 0;
            for (int i = path.size() - 1; i >= 0; i--) {
                depths.put(path.get(i), depth++);
            }
        }
        return depths;
    }
}
