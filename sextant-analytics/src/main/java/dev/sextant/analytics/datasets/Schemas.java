package dev.sextant.analytics.datasets;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The field sets (sorted top-level keys) of JSON Lines records: how many distinct ones, how many
 * records each, and where each first appears. At most {@link #MAX} field sets are told apart; the
 * rest are counted together, since a file with more has no schema to speak of.
 */
final class Schemas {
    static final int MAX = 20;
    private final Map<String, long[]> seen = new TreeMap<>();
    private long other;

    void accept(long line, String schema) {
        if (schema == null) {
            return;
        }
        long[] s = seen.get(schema);
        if (s == null) {
            if (seen.size() >= MAX) {
                other++;
                return;
            }
            seen.put(schema, new long[] {0, line});
            s = seen.get(schema);
        }
        s[0]++;
    }

    /** The field sets, most common first (then by keys); empty for CSV. */
    List<DatasetReport.Schema> report() {
        return seen.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[0]).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new DatasetReport.Schema(e.getKey().isEmpty() ? List.of() : List.of(e.getKey().split(",", -1)),
                        e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /** Records whose field set is not the most common one. */
    long offMain() {
        long all = other;
        long max = 0;
        for (long[] s : seen.values()) {
            all += s[0];
            max = Math.max(max, s[0]);
        }
        return all - max;
    }
}
