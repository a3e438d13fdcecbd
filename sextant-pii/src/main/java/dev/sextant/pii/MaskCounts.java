package dev.sextant.pii;

import java.util.Map;
import java.util.TreeMap;

/** How many values each detector masked, hashed or dropped; one per batch, not shared between threads. */
public final class MaskCounts {
    /** A count's key: a detector's name and the action taken. */
    public record Key(String detector, MaskAction action) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = detector.compareTo(o.detector);
            return c != 0 ? c : action.compareTo(o.action);
        }
    }

    private final Map<Key, Long> counts = new TreeMap<>();

    public void add(String detector, MaskAction action) {
        counts.merge(new Key(detector, action), 1L, Long::sum);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The counts by detector then action. */
    public Map<Key, Long> asMap() {
        return Map.copyOf(counts);
    }
}
