package dev.sextant.analytics.context.patterns;

import java.util.List;

/**
 * A frequent itemset: its items in name order, how many transactions hold all of them
 * ({@code count}) and how many of those succeeded ({@code successes}).
 */
public record Itemset(List<String> items, long count, long successes) {
    public Itemset {
        items = List.copyOf(items);
    }

    public long failures() {
        return count - successes;
    }
}
