package dev.sextant.analytics.datasets;

/**
 * An open-addressing map from 64-bit keys to 64-bit values: 16 bytes a slot at a load of at most
 * one half, so about 32 bytes per key, against about 80 for a {@code HashMap<Long, Long>}. This
 * is the per-record state of duplicate and label checks. The key {@link #EMPTY} cannot be stored
 * (it is remapped to another fixed value, a collision no report can notice).
 */
final class LongLongMap {
    private static final long EMPTY = 0L;
    private long[] keys;
    private long[] values;
    private int size;

    LongLongMap() {
        keys = new long[16];
        values = new long[16];
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or {@code missing} when absent. */
    long get(long key, long missing) {
        long k = key == EMPTY ? 1 : key;
        int mask = keys.length - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                return missing;
            }
            if (keys[i] == k) {
                return values[i];
            }
        }
    }

    /** Stores key → value, replacing an earlier value. */
    void put(long key, long value) {
        long k = key == EMPTY ? 1 : key;
        if ((size + 1) * 2L > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                keys[i] = k;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == k) {
                values[i] = value;
                return;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        return (int) Hashes.mix(key) & mask;
    }
}
